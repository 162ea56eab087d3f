package io.akhbar.ingest.fetch;

import io.akhbar.ingest.crawl.CrawlerSettings;
import java.time.Duration;

/** Settings for tests against {@link LocalWebServer}: loopback allowed, pauses and retries kept tiny. */
public final class TestSettings {
    private TestSettings() {
    }

    public static CrawlerSettings.Builder fast() {
        return CrawlerSettings.defaults().toBuilder()
                .allowPrivateNetworks(true)
                .perHostDelay(Duration.ofMillis(5))
                .retryBaseDelay(Duration.ofMillis(10))
                .maxRetryAfter(Duration.ofMillis(50))
                .requestTimeout(Duration.ofSeconds(5))
                .shutdownTimeout(Duration.ofSeconds(5));
    }
}
