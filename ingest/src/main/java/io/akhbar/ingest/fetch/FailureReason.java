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
    /** Not tried: the server gave no answer to several fetches in a row and is left alone for a while. */
    UNRESPONSIVE_HOST,
    REFUSED_ADDRESS,
    HTTP_ERROR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
