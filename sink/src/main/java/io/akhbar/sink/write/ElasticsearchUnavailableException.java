package io.akhbar.sink.write;

/**
 * A bulk request failed as a whole in a way that retrying fixes: connection lost, 429 or 5xx.
 * {@link #reason()} is a short, fixed word for metrics tags.
 */
public final class ElasticsearchUnavailableException extends RuntimeException {
    private final String reason;

    ElasticsearchUnavailableException(String reason, String message, Throwable error) {
        super(message, error);
        this.reason = reason;
    }

    /** {@code unreachable}, {@code too_many_requests} or {@code server_error}. */
    public String reason() {
        return reason;
    }
}
