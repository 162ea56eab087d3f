package io.akhbar.ingest.extract;

/** The input is not HTML at all (binary, an image, an archive), so no page could be extracted from it. */
public final class ExtractionException extends RuntimeException {
    public ExtractionException(String message) {
        super(message);
    }
}
