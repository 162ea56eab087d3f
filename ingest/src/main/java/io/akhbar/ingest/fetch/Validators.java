package io.akhbar.ingest.fetch;

import java.util.Map;
import java.util.Optional;

/**
 * What a server told us to identify the version we have, sent back on the next request so that an unchanged
 * feed, sitemap or page costs a 304 instead of a download.
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    /** Reads the validators from response headers with lower-case names. */
    public static Validators from(Map<String, String> headers) {
        return new Validators(Optional.ofNullable(headers.get("etag")),
                Optional.ofNullable(headers.get("last-modified")));
    }
}
