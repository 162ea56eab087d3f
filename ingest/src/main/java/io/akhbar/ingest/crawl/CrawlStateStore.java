package io.akhbar.ingest.crawl;

import io.akhbar.model.CrawlState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the crawler knows of each canonical URL: pages fetched or refused for good, and the validators and content
 * hash of pages, feeds, sitemaps and section pages, so that a re-poll fetches only what is new and checks what
 * changed with a conditional GET. Implementations must be thread-safe.
 */
public interface CrawlStateStore {
    Optional<CrawlState> get(String url);

    void put(CrawlState state);

    /** Forgotten when the process ends. */
    static CrawlStateStore inMemory() {
        Map<String, CrawlState> byUrl = new ConcurrentHashMap<>();
        return new CrawlStateStore() {
            @Override
            public Optional<CrawlState> get(String url) {
                return Optional.ofNullable(byUrl.get(url));
            }

            @Override
            public void put(CrawlState state) {
                byUrl.put(state.getUrl(), state);
            }
        };
    }
}
