package io.akhbar.ingest.discover;

import io.akhbar.ingest.fetch.FetchResult;

/**
 * Fetches a feed, sitemap or section page for discovery. The crawler supplies it, with remembered validators and
 * with failures already logged and counted, so discovery only has to read what comes back.
 */
@FunctionalInterface
public interface DocumentFetcher {
    FetchResult fetch(String url) throws InterruptedException;
}
