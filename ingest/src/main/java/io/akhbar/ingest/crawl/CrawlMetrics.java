package io.akhbar.ingest.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The crawler's meters, all tagged with the source id as {@code site}. In Prometheus they read
 * {@code akhbar_crawl_pages_total{site,outcome}}, {@code akhbar_crawl_bytes_total{site}},
 * {@code akhbar_crawl_robots_denied_total{site}}, {@code akhbar_crawl_failures_total{site,reason}},
 * {@code akhbar_crawl_discovered_total{site}} and {@code akhbar_crawl_discovery_documents_total{site,outcome}}.
 */
final class CrawlMetrics {
    static final String PAGES = "akhbar.crawl.pages";
    static final String BYTES = "akhbar.crawl.bytes";
    static final String ROBOTS_DENIED = "akhbar.crawl.robots.denied";
    static final String FAILURES = "akhbar.crawl.failures";
    static final String DISCOVERED = "akhbar.crawl.discovered";
    static final String DISCOVERY_DOCUMENTS = "akhbar.crawl.discovery.documents";

    static final String FETCHED = "fetched";
    static final String NOT_MODIFIED = "not-modified";
    static final String FAILED = "failed";

    private final MeterRegistry registry;

    CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void page(String site, String outcome) {
        Counter.builder(PAGES).description("Article pages by outcome")
                .tags("site", site, "outcome", outcome).register(registry).increment();
    }

    void bytes(String site, long bytes) {
        Counter.builder(BYTES).description("Bytes of article pages handed on, after content decoding")
                .baseUnit("bytes").tag("site", site).register(registry).increment(bytes);
    }

    void robotsDenied(String site) {
        Counter.builder(ROBOTS_DENIED).description("URLs robots.txt did not let us fetch")
                .tag("site", site).register(registry).increment();
    }

    void failure(String site, String reason) {
        Counter.builder(FAILURES).description("Failed fetches of pages, feeds and sitemaps by reason")
                .tags("site", site, "reason", reason).register(registry).increment();
    }

    void discovered(String site, int urls) {
        Counter.builder(DISCOVERED).description("URLs listed by feeds, sitemaps and section pages")
                .tag("site", site).register(registry).increment(urls);
    }

    void discoveryDocument(String site, String outcome) {
        Counter.builder(DISCOVERY_DOCUMENTS).description("Feeds, sitemaps and section pages polled, by outcome")
                .tags("site", site, "outcome", outcome).register(registry).increment();
    }
}
