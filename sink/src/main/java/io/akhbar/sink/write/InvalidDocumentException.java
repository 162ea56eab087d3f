package io.akhbar.sink.write;

/** An enriched article that no Elasticsearch could index as it is, found before sending it. */
public final class InvalidDocumentException extends RuntimeException {
    public InvalidDocumentException(String message) {
        super(message);
    }
}
