package io.akhbar.ingest.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crawler's meters, all tagged with the source id as {@code site}. In Prometheus they read
 * {@code akhbar_crawl_pages_total{site,outcome}}, {@code akhbar_crawl_bytes_total{site}},
 * {@code akhbar_crawl_robots_denied_total{site}}, {@code akhbar_crawl_blocked_total{site,status}},
 * {@code akhbar_crawl_failures_total{site,reason}}, {@code akhbar_crawl_discovered_total{site}},
 * {@code akhbar_crawl_queued_total{site}}, {@code akhbar_crawl_discovery_documents_total{site,outcome}} and
 * {@code akhbar_crawl_last_success_seconds{site}}.
 */
final class CrawlMetrics {
    static final String PAGES = "akhbar.crawl.pages";
    static final String BYTES = "akhbar.crawl.bytes";
    static final String ROBOTS_DENIED = "akhbar.crawl.robots.denied";
    static final String BLOCKED = "akhbar.crawl.blocked";
    static final String FAILURES = "akhbar.crawl.failures";
    static final String DISCOVERED = "akhbar.crawl.discovered";
    static final String QUEUED = "akhbar.crawl.queued";
    static final String DISCOVERY_DOCUMENTS = "akhbar.crawl.discovery.documents";
    static final String LAST_SUCCESS = "akhbar.crawl.last.success";

    static final String FETCHED = "fetched";
    static final String NOT_MODIFIED = "not-modified";
    /** A discovery document answered whole, with the same body as last time. */
    static final String UNCHANGED = "unchanged";
    static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccessBySite = new ConcurrentHashMap<>();

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

    /** A 401, 403, 429 or 451 that retries did not get past: the site is keeping the crawler out. */
    void blocked(String site, int status) {
        Counter.builder(BLOCKED).description("Requests the site refused to the crawler (401, 403, 429, 451)")
                .tags("site", site, "status", String.valueOf(status)).register(registry).increment();
    }

    void failure(String site, String reason) {
        Counter.builder(FAILURES).description("Failed fetches of pages, feeds and sitemaps by reason")
                .tags("site", site, "reason", reason).register(registry).increment();
    }

    void discovered(String site, int urls) {
        Counter.builder(DISCOVERED).description("URLs listed by feeds, sitemaps and section pages")
                .tag("site", site).register(registry).increment(urls);
    }

    void queued(String site) {
        Counter.builder(QUEUED).description("URLs handed to the frontier to be fetched")
                .tag("site", site).register(registry).increment();
    }

    void discoveryDocument(String site, String outcome) {
        Counter.builder(DISCOVERY_DOCUMENTS).description("Feeds, sitemaps and section pages polled, by outcome")
                .tags("site", site, "outcome", outcome).register(registry).increment();
    }

    /** The site answered a page, feed or sitemap (200 or 304): its age tells how long a site has been failing. */
    void succeeded(String site) {
        lastSuccessBySite.computeIfAbsent(site, name -> {
            AtomicLong seconds = new AtomicLong();
            Gauge.builder(LAST_SUCCESS, seconds, AtomicLong::get)
                    .description("When the site last answered a page, feed or sitemap, in seconds since the epoch")
                    .baseUnit("seconds").tag("site", name).register(registry);
            return seconds;
        }).set(Instant.now().getEpochSecond());
    }
}
