package io.akhbar.ingest.discover;

import io.akhbar.ingest.fetch.FetchResult;

/**
 * Fetches a feed, sitemap or section page for discovery. The crawler supplies it, with remembered validators and
 * content hashes and with failures already logged and counted, so discovery only has to read what comes back.
 */
@FunctionalInterface
public interface DocumentFetcher {
    /** The document, or {@link FetchResult.NotModified} when it has not changed since the crawler last fetched it. */
    FetchResult fetch(String url) throws InterruptedException;

    /**
     * The document whatever the crawler remembers of it, for one whose content is needed again although it has not
     * changed. A fetcher that remembers nothing fetches the same way both times.
     */
    default FetchResult fetchWhole(String url) throws InterruptedException {
        return fetch(url);
    }
}
