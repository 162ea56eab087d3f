package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.localstack.ServiceProcess;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.GeneratedNewsSite;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the real Kafka and Elasticsearch while generated pages flow: each service, running in a JVM of its own,
 * killed with SIGKILL at a random point and started again, round after round; the Kafka broker stopped and started
 * under a running pipeline; Elasticsearch stopped under a running pipeline. Afterwards Elasticsearch holds every
 * expected article exactly once, each in the story of its first publication. The default run is short;
 * {@code mvn verify -Pfaults} (3000 pages, three rounds of kills, Elasticsearch down for a minute) makes it the long
 * one of RELIABILITY.md.
 */
class FaultsIT {
    private static final Logger log = LoggerFactory.getLogger(FaultsIT.class);
    private static final int OUTLETS = 3;
    private static final int PAGES = Integer.getInteger("akhbar.faults.pages", 240);
    private static final int ROUNDS = Integer.getInteger("akhbar.faults.rounds", 1);
    private static final long SEED = Long.getLong("akhbar.faults.seed", System.nanoTime());
    private static final Duration ELASTICSEARCH_DOWNTIME =
            Duration.ofSeconds(Long.getLong("akhbar.faults.elasticsearchDowntimeSeconds", 10));
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(Math.max(5, PAGES / 150));

    @TempDir
    Path workDir;
    private final Stack stack = Stacks.shared();

    @Test
    void everyServiceKilledWithSigkillAndRestartedLosesAndDuplicatesNothing() throws Exception {
        Random random = new Random(SEED);
        log.info("faults: {} pages, {} rounds of kills, seed {}", PAGES, ROUNDS, SEED);
        try (GeneratedNewsSite site = GeneratedNewsSite.start(OUTLETS, PAGES / OUTLETS)) {
            AkhbarConfig config = config(site);
            TopicSetup.ensure(config.kafka());
            Path settings = Files.writeString(workDir.resolve("akhbar.yaml"), config.toYaml());
            Path sources = Files.writeString(workDir.resolve("sources.yaml"), site.sourcesYaml());
            Map<String, String> environment = Map.of("AKHBAR_LOG_LEVEL", "INFO");
            Path logs = Files.createDirectories(Path.of("target", "service-logs", "faults-" + SEED));
            log.info("faults: service logs in {}", logs.toAbsolutePath());
            List<ServiceProcess> services = new ArrayList<>(List.of(
                    ServiceProcess.start("crawler", logs, environment,
                            "crawl", "--role", "crawler", "--sources", sources.toString(), "--config", settings.toString()),
                    ServiceProcess.start("extractor", logs, environment,
                            "crawl", "--role", "extractor", "--config", settings.toString()),
                    ServiceProcess.start("enrich", logs, environment, "enrich", "--config", settings.toString()),
                    ServiceProcess.start("sink", logs, environment, "sink", "--config", settings.toString())));
            Progress progress = new Progress(config);
            try {
                long startedAt = System.nanoTime();
                int kills = 0;
                int killsPlanned = ROUNDS * services.size();
                for (int round = 1; round <= ROUNDS; round++) {
                    for (ServiceProcess service : services) {
                        // Kills spread over the run, each once the index has grown to its share.
                        progress.awaitMoreThan((long) site.articleCount() * (kills + 1) / (killsPlanned + 1),
                                Duration.ofSeconds(90));
                        Thread.sleep(random.nextInt(1500));
                        service.kill();
                        kills++;
                        log.info("faults: round {}: killed {} (SIGKILL) at {} documents", round, service.name(),
                                progress.documents());
                        Thread.sleep(random.nextInt(2000));
                        service.start();
                    }
                }
                long settled = progress.awaitSettled(site.articleCount(), SETTLE_TIMEOUT);
                log.info("faults: {} kills; {} documents {} s after the start", kills, settled,
                        Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
                assertThat(services).allMatch(ServiceProcess::isAlive);
                assertEveryArticleOnceInTheStoryOfItsFirstPublication(site, config);
            } finally {
                services.forEach(ServiceProcess::stop);
                progress.close();
            }
        }
    }

    @Test
    void theBrokerStoppedAndStartedUnderARunningPipelineLosesNothing() throws Exception {
        underARunningPipeline(progress -> {
            stack.stopKafka();
            log.info("faults: broker stopped at {} documents", progress.documents());
            Thread.sleep(15_000);
            stack.startKafka();
            log.info("faults: broker started again");
        });
    }

    @Test
    void elasticsearchStoppedUnderARunningPipelineLosesNothing() throws Exception {
        underARunningPipeline(progress -> {
            stack.stopElasticsearch();
            log.info("faults: Elasticsearch stopped for {}", ELASTICSEARCH_DOWNTIME);
            try {
                Thread.sleep(ELASTICSEARCH_DOWNTIME.toMillis());
            } finally {
                stack.startElasticsearch();
            }
            log.info("faults: Elasticsearch started again");
        });
    }

    @FunctionalInterface
    private interface Fault {
        void strike(Progress progress) throws Exception;
    }

    /** The pipeline in this JVM crawling a small generated site; the fault strikes once a few pages are indexed. */
    private void underARunningPipeline(Fault fault) throws Exception {
        try (GeneratedNewsSite site = GeneratedNewsSite.start(OUTLETS, 60 / OUTLETS)) {
            AkhbarConfig config = config(site);
            try (Pipeline pipeline = Pipeline.start(config, SourcesFile.parse(site.sourcesYaml()), new SimpleMeterRegistry());
                 Progress progress = new Progress(config)) {
                Thread crawl = new Thread(pipeline::crawlForever, "faults-crawl");
                crawl.setDaemon(true);
                crawl.start();
                progress.awaitMoreThan(5, Duration.ofSeconds(90));
                fault.strike(progress);
                progress.awaitSettled(site.articleCount(), Duration.ofMinutes(5));
                assertThat(pipeline.healthy()).isTrue();
                assertEveryArticleOnceInTheStoryOfItsFirstPublication(site, config);
            }
        }
    }

    private AkhbarConfig config(GeneratedNewsSite site) {
        AkhbarConfig base = TestPipelines.config(stack, workDir);
        return base.withCrawler(base.crawler().toBuilder()
                .maxPagesPerSource(site.articleCount())
                // About ten pages a second from three hosts: pages still flow when the later kills come.
                .perHostDelay(Duration.ofMillis(300))
                .build());
    }

    private static void assertEveryArticleOnceInTheStoryOfItsFirstPublication(GeneratedNewsSite site, AkhbarConfig config)
            throws Exception {
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        Map<String, String> expectedStories = new LinkedHashMap<>();
        site.storyOrigins().forEach((url, origin) -> expectedStories.put(
                ArticleKeys.of(canonicalizer.canonicalize(url).orElseThrow()),
                ArticleKeys.of(canonicalizer.canonicalize(origin).orElseThrow())));
        List<Map<String, Object>> documents;
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            documents = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias(),
                    site.articleCount() + 100);
        }
        assertThat(documents).hasSize(site.articleCount());
        assertThat(documents).extracting(d -> (String) d.get(NewsFields.ID))
                .containsExactlyInAnyOrderElementsOf(expectedStories.keySet());
        List<String> wrongStories = documents.stream()
                .filter(d -> !expectedStories.get((String) d.get(NewsFields.ID)).equals(d.get(NewsFields.STORY_ID)))
                .map(d -> d.get(NewsFields.URL) + " in story " + d.get(NewsFields.STORY_ID) + " ("
                        + d.get(NewsFields.DUPLICATE) + ", published " + d.get(NewsFields.PUBLISHED_AT)
                        + "), expected " + expectedStories.get((String) d.get(NewsFields.ID)))
                .toList();
        assertThat(wrongStories).as("articles in the wrong story").isEmpty();
        assertThat(TestPipelines.deadLetters(config)).isEmpty();
    }

    /** How far the pipeline has got: documents in the index, and whether the stream of them has come to rest. */
    private static final class Progress implements AutoCloseable {
        private final ElasticsearchConnection elasticsearch;
        private final String alias;

        Progress(AkhbarConfig config) {
            elasticsearch = ElasticsearchConnection.open(config.sink());
            alias = config.sink().indexAlias();
        }

        long documents() {
            try {
                elasticsearch.client().indices().refresh(r -> r.index(alias));
                return elasticsearch.client().count(c -> c.index(alias)).count();
            } catch (Exception notYet) {
                return 0;
            }
        }

        /** Waits until more than {@code documents} are indexed, or the time is up: a kill then comes anyway. */
        void awaitMoreThan(long documents, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (documents() <= documents && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }

        /** Waits until {@code expected} documents are indexed and no more arrive for a while; returns the count. */
        long awaitSettled(long expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            long count = documents();
            while (count < expected && System.nanoTime() < deadline) {
                Thread.sleep(500);
                count = documents();
            }
            Thread.sleep(5_000);
            return documents();
        }

        @Override
        public void close() {
            elasticsearch.close();
        }
    }
}
