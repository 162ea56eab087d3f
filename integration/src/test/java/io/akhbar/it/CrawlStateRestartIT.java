package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.CrawlService;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.CrawlOutcome;
import io.akhbar.model.CrawlState;
import io.akhbar.model.CrawledKind;
import io.akhbar.model.TopicSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawler restarted on the real broker remembers, through the crawl-state topic, what it fetched: it fetches no
 * page again, polls the feeds with their validators (reading those that answer 304 whole once, as it does not
 * remember across restarts which documents are sitemap indexes), and checks a page its feed dates after the last
 * fetch with a conditional GET.
 */
class CrawlStateRestartIT {
    @TempDir
    Path workDir;

    @Test
    void aRestartedCrawlerFetchesNothingItDoesNotNeedTo() throws Exception {
        try (LoopbackNewsSites sites = LoopbackNewsSites.start(3, 4, 0)) {
            AkhbarConfig config = TestPipelines.config(Stacks.shared(), workDir);
            TopicSetup.ensure(config.kafka());
            List<Source> sources = SourcesFile.parse(sites.sourcesYaml("PT5M"));

            CrawlReport first;
            try (CrawlService crawler = new CrawlService(config, sources, new SimpleMeterRegistry())) {
                first = crawler.crawlOnce();
            }
            assertThat(first.fetched()).isEqualTo(sites.articleCount());
            Thread.sleep(1_100);
            String updatedHost = sites.hosts().get(0);
            sites.update(updatedHost, "/2025/01/article-2/", Instant.now());
            int requestsBefore = sites.requests().size();

            CrawlReport second;
            try (CrawlService restarted = new CrawlService(config, sources, new SimpleMeterRegistry())) {
                second = restarted.crawlOnce();
            }

            List<LoopbackNewsSites.Request> afterRestart = sites.requests().subList(requestsBefore, sites.requests().size());
            assertThat(second.fetched()).isZero();
            assertThat(second.queued()).isEqualTo(1);
            assertThat(second.notModified()).isEqualTo(1);
            assertThat(afterRestart).filteredOn(request -> request.path().startsWith("/2025/"))
                    .singleElement().satisfies(recheck -> {
                        assertThat(recheck.host() + recheck.path()).isEqualTo(updatedHost + "/2025/01/article-2/");
                        assertThat(recheck.ifNoneMatch()).as("conditional GET").isNotNull();
                    });
            List<LoopbackNewsSites.Request> feedRequests = afterRestart.stream()
                    .filter(request -> request.path().equals("/feed/")).toList();
            assertThat(feedRequests).filteredOn(feed -> feed.ifNoneMatch() != null).as("feeds polled with their ETag")
                    .hasSize(3);
            assertThat(feedRequests).filteredOn(feed -> feed.ifNoneMatch() == null)
                    .as("the two that answered 304 read whole once, to learn whether they are sitemap indexes")
                    .hasSize(2);

            Map<String, CrawlState> states = TopicRecords.all(config.kafka(), config.kafka().topics().crawlState())
                    .stream().collect(Collectors.toMap(ConsumerRecord::key,
                            record -> AkhbarSerdes.CRAWL_STATE.decode(record.value()), (older, newer) -> newer));
            assertThat(states.values()).filteredOn(state -> state.getKind() == CrawledKind.PAGE)
                    .hasSize(sites.articleCount())
                    .allSatisfy(state -> assertThat(state.getContentHash()).hasSize(64));
            assertThat(states.get(sites.baseUrl(updatedHost) + "/2025/01/article-2/").getOutcome())
                    .isEqualTo(CrawlOutcome.UNCHANGED);
            assertThat(TopicRecords.all(config.kafka(), config.kafka().topics().rawPages()))
                    .hasSize(sites.articleCount());
        }
    }
}
