package io.akhbar.ingest.fetch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The outcome of fetching one URL, redirects followed. */
public sealed interface FetchResult {
    String requestedUrl();

    /**
     * A 2xx response. The body has its content-encoding (gzip, br) removed and is otherwise the bytes the server
     * sent: the charset is left for the extractor to work out. Headers are a selection with lower-case names.
     */
    record Fetched(String requestedUrl, String finalUrl, int status, Map<String, String> headers, byte[] body,
                   Instant fetchedAt) implements FetchResult {
        public Fetched {
            headers = Map.copyOf(headers);
        }

        public Validators validators() {
            return Validators.from(headers);
        }

        public Optional<String> contentType() {
            return Optional.ofNullable(headers.get("content-type"));
        }
    }

    /** A 304: the version we identified with our validators is still current. */
    record NotModified(String requestedUrl, String finalUrl) implements FetchResult {
    }

    /** No document; {@code status} is the last HTTP status seen, or 0 when no response came. */
    record Failed(String requestedUrl, FailureReason reason, int status, String detail) implements FetchResult {
        /** Whether trying the same URL later may well succeed, as opposed to a verdict that will not change soon. */
        public boolean isTransient() {
            return switch (reason) {
                case TIMEOUT, NETWORK_ERROR, UNRESPONSIVE_HOST -> true;
                case HTTP_ERROR -> status >= 500 || status == 429 || status == 408;
                default -> false;
            };
        }
    }
}
