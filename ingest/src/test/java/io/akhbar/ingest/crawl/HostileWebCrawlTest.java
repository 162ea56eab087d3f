package io.akhbar.ingest.crawl;

import io.akhbar.ingest.fetch.TestSettings;
import io.akhbar.localstack.site.HostileSite;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.model.RawPage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One crawl pass over three hosts on loopback: the sample site, a hostile site and a site whose robots.txt closes
 * everything. The pass ends; every honest page is delivered; every trap is counted under its reason.
 */
class HostileWebCrawlTest {
    private static SampleSite sample;
    private static HostileSite hostile;
    private static HostileSite closed;

    @BeforeAll
    static void start() {
        sample = SampleSite.start();
        hostile = HostileSite.start(HostileSite.loopback(3));
        closed = HostileSite.startClosed(HostileSite.loopback(4));
    }

    @AfterAll
    static void stop() {
        sample.close();
        hostile.close();
        closed.close();
    }

    @Test
    @Timeout(120)
    void honestPagesGetThroughAndEveryTrapEndsUnderItsReason() {
        String yaml = sample.sourcesYaml() + hostile.sourceYaml("hostile")
                + "  - id: closed\n    name: مغلق\n    repoll: PT5M\n    feeds: [\"" + closed.url(HostileSite.FEED) + "\"]\n";
        List<RawPage> pages = Collections.synchronizedList(new ArrayList<>());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CrawlerSettings settings = TestSettings.fast()
                .requestTimeout(Duration.ofSeconds(2))
                .maxRetries(1)
                .build();

        CrawlReport report;
        try (Crawler crawler = new Crawler(settings, SourcesFile.parse(yaml), (key, page) -> pages.add(page),
                registry)) {
            report = crawler.crawlOnce();
        }

        assertThat(pages).extracting(RawPage::getSource).filteredOn(source -> !source.equals("hostile"))
                .hasSizeGreaterThanOrEqualTo(sample.articleCount())
                .doesNotContain("closed");
        assertThat(pages).filteredOn(page -> page.getSource().equals("hostile")).extracting(RawPage::getFinalUrl)
                .containsExactlyInAnyOrder(hostile.url(HostileSite.MARKUP_TRAPS),
                        hostile.url(HostileSite.CHARSET_IN_HEADER), hostile.url(HostileSite.CHARSET_IN_META),
                        hostile.url(HostileSite.CHARSET_UNDECLARED), hostile.url(HostileSite.CHARSET_MISLABELLED),
                        hostile.url(HostileSite.CHARSET_MIXED), hostile.url(HostileSite.TEN_THOUSAND_LINKS),
                        hostile.url(HostileSite.DEEPLY_NESTED), hostile.url(HostileSite.BINARY));
        assertThat(report.failedByReason()).isEqualTo(Map.of(
                "timeout", 1, "too-large", 3, "redirect-loop", 1, "too-many-redirects", 1));
        assertThat(report.discoveryFailedByReason()).isEqualTo(Map.of("unreadable", 5, "robots-denied", 1));
        assertThat(registry.counter(CrawlMetrics.FAILURES, "site", "hostile", "reason", "too-large").count())
                .isEqualTo(3);
        assertThat(registry.counter(CrawlMetrics.FAILURES, "site", "hostile", "reason", "unreadable").count())
                .isEqualTo(5);
        assertThat(registry.counter(CrawlMetrics.ROBOTS_DENIED, "site", "closed").count()).isEqualTo(1);
        assertThat(hostile.served(HostileSite.TRIPWIRE).requests()).isZero();
        assertThat(closed.requests()).containsOnlyKeys("/robots.txt");
    }
}
