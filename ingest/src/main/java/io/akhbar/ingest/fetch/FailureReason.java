package io.akhbar.ingest.fetch;

import java.util.Locale;

/** Why a fetch produced no document; {@link #tag()} is the value used in logs and metrics. */
public enum FailureReason {
    ROBOTS_DENIED,
    TOO_LARGE,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    BAD_CONTENT_TYPE,
    BAD_ENCODING,
    BAD_URL,
    TIMEOUT,
    NETWORK_ERROR,
    REFUSED_ADDRESS,
    HTTP_ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
