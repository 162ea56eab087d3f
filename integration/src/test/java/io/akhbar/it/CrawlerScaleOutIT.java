package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.CrawlService;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two crawler instances sharing the frontier topic on the real broker, over eight sites on distinct loopback
 * addresses: the second instance joins while the first is crawling, then the first leaves. Every page is fetched
 * exactly once, and no site ever has two requests in flight at once, across the hand-overs too.
 */
class CrawlerScaleOutIT {
    private static final int SITES = 8;
    private static final int ARTICLES_PER_SITE = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path workDir;

    @Test
    void twoInstancesShareTheHostsAndHandThemOverWithoutFetchingAPageTwice() throws Exception {
        try (LoopbackNewsSites sites = LoopbackNewsSites.start(SITES, ARTICLES_PER_SITE, 100)) {
            AkhbarConfig config = config();
            List<Source> sources = SourcesFile.parse(sites.sourcesYaml("PT1S"));

            RunningCrawler first = RunningCrawler.start(config, "first", sources);
            RunningCrawler second;
            try {
                awaitTrue(() -> pagesFetchedBy(sites, "first") >= 15, "the first instance is crawling");
                second = RunningCrawler.start(config, "second", sources);
                awaitTrue(() -> pagesFetchedBy(sites, "second") >= 10, "the second instance took hosts over");
            } finally {
                first.close();
            }
            try {
                awaitTrue(() -> distinctPages(sites) == sites.articleCount(), "every page fetched");
                Thread.sleep(2_000);
            } finally {
                second.close();
            }

            Map<String, Long> fetchesPerPage = sites.articleRequests().stream()
                    .collect(Collectors.groupingBy(request -> request.host() + request.path(), Collectors.counting()));
            assertThat(fetchesPerPage).hasSize(sites.articleCount());
            assertThat(fetchesPerPage.values()).as("fetches of each page").containsOnly(1L);

            for (String host : sites.hosts()) {
                List<LoopbackNewsSites.Request> requests = sites.requests().stream()
                        .filter(request -> request.host().equals(host))
                        .sorted(Comparator.comparingLong(LoopbackNewsSites.Request::startedNanos)).toList();
                for (int i = 1; i < requests.size(); i++) {
                    assertThat(requests.get(i).startedNanos()).as("%s %s by %s began after %s by %s was answered",
                                    host, requests.get(i).path(), requests.get(i).userAgent(),
                                    requests.get(i - 1).path(), requests.get(i - 1).userAgent())
                            .isGreaterThan(requests.get(i - 1).answeredNanos());
                }
            }
            Map<String, Set<String>> instancesPerHost = sites.articleRequests().stream()
                    .collect(Collectors.groupingBy(LoopbackNewsSites.Request::host,
                            Collectors.mapping(request -> instanceOf(request.userAgent()), Collectors.toSet())));
            assertThat(instancesPerHost.values()).as("hosts crawled by both instances, one after the other")
                    .anyMatch(instances -> instances.size() == 2);
            assertThat(rawPageKeys(config)).as("raw pages in Kafka").hasSize(sites.articleCount()).doesNotHaveDuplicates();
            assertThat(frontierLag(config)).as("frontier entries not committed").isZero();
        }
    }

    private AkhbarConfig config() {
        AkhbarConfig base = TestPipelines.config(Stacks.shared(), workDir);
        KafkaSettings kafka = new KafkaSettings(base.kafka().bootstrapServers(), base.kafka().topicPrefix(), 6,
                KafkaSettings.DEFAULT_BAND_PARTITIONS, (short) 1, Map.of());
        TopicSetup.ensure(kafka);
        return base.withKafka(kafka).withCrawler(base.crawler().toBuilder()
                .perHostDelay(Duration.ofMillis(100)).fetchThreads(2).build());
    }

    private static long pagesFetchedBy(LoopbackNewsSites sites, String instance) {
        return sites.articleRequests().stream().filter(request -> instanceOf(request.userAgent()).equals(instance))
                .count();
    }

    private static long distinctPages(LoopbackNewsSites sites) {
        return sites.articleRequests().stream().map(request -> request.host() + request.path()).distinct().count();
    }

    private static String instanceOf(String userAgent) {
        return userAgent.substring(userAgent.indexOf("(instance ") + "(instance ".length(), userAgent.indexOf(')'));
    }

    private static List<String> rawPageKeys(AkhbarConfig config) {
        return TopicRecords.all(config.kafka(), config.kafka().topics().rawPages()).stream()
                .map(ConsumerRecord::key).toList();
    }

    private static long frontierLag(AkhbarConfig config) throws Exception {
        String topic = config.kafka().topics().crawlFrontier();
        String group = config.kafka().topicPrefix() + config.crawler().consumerGroup();
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .mapToLong(end -> end.getValue().offset() - (committed.containsKey(end.getKey())
                            ? committed.get(end.getKey()).offset() : 0))
                    .sum();
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A crawler service running its loop on a thread of its own, with a User-Agent naming it. */
    record RunningCrawler(CrawlService service, Thread loop) implements AutoCloseable {
        static RunningCrawler start(AkhbarConfig config, String name, List<Source> sources) {
            AkhbarConfig named = config.withCrawler(config.crawler().toBuilder()
                    .userAgent("AkhbarBot/0.1 (instance " + name + ")").build());
            CrawlService service = new CrawlService(named, sources, new SimpleMeterRegistry());
            Thread loop = new Thread(service::runForever, "crawler-" + name);
            loop.start();
            return new RunningCrawler(service, loop);
        }

        @Override
        public void close() throws InterruptedException {
            service.close();
            loop.join(30_000);
        }
    }
}
