package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.Crawler;
import io.akhbar.ingest.crawl.CrawlerSettings;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.HostileSite;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side request forgery, on loopback only: 127.0.0.1 stands for the public web (allowed by
 * {@code allowedNetworks}, as an operator would allow an outlet on the crawler's own network) and 127.0.0.2 for an
 * internal host. A crawled site links to the internal host and redirects to it; with private networks not allowed,
 * the internal host never sees a single request, while the public pages are indexed as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsrfIT {
    private static final String TO_INTERNAL = "/articles/to-internal.html";

    @TempDir
    static Path workDir;
    private final Stack stack = Stacks.shared();
    private SampleSite sample;
    private HostileSite bait;
    private HostileSite internal;
    private List<Source> sources;
    private AkhbarConfig config;
    private CrawlReport crawl;
    private List<Map<String, Object>> documents;
    private Map<String, Integer> internalRequestsDuringThePipeline;
    private int redirectsServedDuringThePipeline;

    @BeforeAll
    void crawlASiteThatLeadsInside() throws Exception {
        sample = SampleSite.start();
        internal = HostileSite.start(HostileSite.loopback(2));
        bait = HostileSite.start(HostileSite.loopback(1))
                .listInFeed(internal.url(HostileSite.MARKUP_TRAPS))
                .redirect(TO_INTERNAL, internal.url(HostileSite.MARKUP_TRAPS));
        bait.listInFeed(bait.url(TO_INTERNAL));
        sources = SourcesFile.parse(sample.sourcesYaml()
                + "  - id: bait\n    name: طعم\n    repoll: PT5M\n    feeds: [\"" + bait.url(HostileSite.LINKS_FEED) + "\"]\n");
        AkhbarConfig base = TestPipelines.config(stack, workDir);
        config = base.withCrawler(base.crawler().toBuilder()
                .allowPrivateNetworks(false)
                .allowedNetworks(List.of("127.0.0.1/32"))
                .build());
        try (Pipeline pipeline = Pipeline.start(config, sources, new SimpleMeterRegistry())) {
            crawl = pipeline.crawlOnce();
            assertThat(pipeline.awaitDrained(Duration.ofSeconds(3), Duration.ofMinutes(3))).isTrue();
        }
        internalRequestsDuringThePipeline = internal.requests();
        redirectsServedDuringThePipeline = bait.served(TO_INTERNAL).requests();
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            documents = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias());
        }
    }

    @AfterAll
    void stop() {
        sample.close();
        bait.close();
        internal.close();
    }

    @Test
    void theInternalHostIsNeverContactedNeitherByLinkNorByRedirect() {
        assertThat(internalRequestsDuringThePipeline).isEmpty();
        assertThat(crawl.failedByReason()).isEqualTo(Map.of("refused-address", 2));
        assertThat(redirectsServedDuringThePipeline).isEqualTo(1);
    }

    @Test
    void thePublicSiteIsIndexedAsUsual() {
        assertThat(documents).hasSize(sample.articleCount());
        assertThat(documents).extracting(d -> (String) d.get(NewsFields.URL))
                .noneMatch(url -> url.startsWith(internal.baseUrl()) || url.startsWith(bait.baseUrl()));
    }

    @Test
    void theInternalHostIsFetchedOnlyOnceConfigurationAllowsIt() {
        CrawlerSettings allowing = config.crawler().toBuilder()
                .allowedNetworks(List.of("127.0.0.1/32", "127.0.0.2/32"))
                .build();
        List<String> fetched = Collections.synchronizedList(new ArrayList<>());
        try (Crawler crawler = new Crawler(allowing, sources, (key, page) -> fetched.add(page.getFinalUrl()),
                new SimpleMeterRegistry())) {
            crawler.crawlOnce();
        }

        assertThat(fetched).contains(internal.url(HostileSite.MARKUP_TRAPS));
        assertThat(internal.served(HostileSite.MARKUP_TRAPS).requests()).isPositive();
    }
}
