package io.akhbar.ingest.crawl;

import io.akhbar.ingest.fetch.Validators;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validators (ETag, Last-Modified) last received for each feed, sitemap and section page, so that polling an
 * unchanged one costs a 304. Implementations must be thread-safe.
 */
public interface ValidatorStore {
    /** {@link Validators#NONE} for a URL never fetched. */
    Validators get(String url);

    void put(String url, Validators validators);

    /** Forgotten when the process ends. */
    static ValidatorStore inMemory() {
        Map<String, Validators> byUrl = new ConcurrentHashMap<>();
        return new ValidatorStore() {
            @Override
            public Validators get(String url) {
                return byUrl.getOrDefault(url, Validators.NONE);
            }

            @Override
            public void put(String url, Validators validators) {
                byUrl.put(url, validators);
            }
        };
    }
}
