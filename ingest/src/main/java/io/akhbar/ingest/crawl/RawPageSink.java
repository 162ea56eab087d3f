package io.akhbar.ingest.crawl;

import io.akhbar.model.RawPage;

/** Where fetched pages go, keyed by the article key of their canonical URL: in production the raw-pages topic. */
@FunctionalInterface
public interface RawPageSink {
    void accept(String key, RawPage page);
}
