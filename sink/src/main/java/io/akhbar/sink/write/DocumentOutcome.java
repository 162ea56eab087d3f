package io.akhbar.sink.write;

/**
 * What Elasticsearch did with one document of a bulk request.
 *
 * @param kind      the outcome
 * @param status    the HTTP status of the document's item
 * @param errorType Elasticsearch's error type (e.g. {@code document_parsing_exception}), null when indexed
 * @param reason    Elasticsearch's reason, with its cause when it gives one; null when indexed
 */
public record DocumentOutcome(Kind kind, int status, String errorType, String reason) {

    public enum Kind {
        /** Created or updated. */
        INDEXED,
        /** A version at least as new is already indexed (409): the document is as up to date as it gets. */
        STALE,
        /** Elasticsearch refuses this document as it is; it goes to the dead-letter topic. */
        REJECTED,
        /** Elasticsearch could not take it now (429, 5xx, index missing, closed or blocked): send it again later. */
        RETRY
    }

    static DocumentOutcome indexed(int status) {
        return new DocumentOutcome(Kind.INDEXED, status, null, null);
    }

    public String describe() {
        return errorType == null ? kind.name().toLowerCase() : errorType + ": " + reason;
    }
}
