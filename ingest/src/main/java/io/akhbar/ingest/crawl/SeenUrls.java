package io.akhbar.ingest.crawl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical URLs the crawler is done with: fetched, or refused for good (robots.txt, 404, too large), so that
 * a re-poll fetches only what is new. Implementations must be thread-safe.
 */
public interface SeenUrls {
    boolean contains(String canonicalUrl);

    void add(String canonicalUrl);

    /** Forgotten when the process ends. */
    static SeenUrls inMemory() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return new SeenUrls() {
            @Override
            public boolean contains(String canonicalUrl) {
                return seen.contains(canonicalUrl);
            }

            @Override
            public void add(String canonicalUrl) {
                seen.add(canonicalUrl);
            }
        };
    }
}
