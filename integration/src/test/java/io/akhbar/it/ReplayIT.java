package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Backfills;
import io.akhbar.cli.ops.Replay;
import io.akhbar.cli.ops.ReplayFrom;
import io.akhbar.cli.ops.Stage;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.enrich.StateLayout;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.akhbar.sink.write.ElasticsearchSink;
import io.akhbar.sink.write.SinkCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@code akhbar replay} on the real Kafka and Elasticsearch: the sink's group, and the enrich Streams application. */
class ReplayIT {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private final Stack stack = Stacks.shared();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void replayingTheSinkTwiceGivesTheSameDocumentsAndCounts(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        List<EnrichedArticle> records = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> records.add(TestRecords.enriched(TestRecords.article(i, Instant.now()), 1)));
        IntStream.range(0, 5).forEach(i -> records.add(TestRecords.enriched(TestRecords.article(i, Instant.now()), 2)));
        TestRecords.produceEnriched(config, records, Instant.now());
        assertThat(drain(config)).isEqualTo(new SinkCounts(25, 0, 0));
        Map<String, Map<String, Object>> indexed = documents(config);
        assertThat(indexed).hasSize(20);

        for (int replay = 1; replay <= 2; replay++) {
            Replay.Plan plan = replay(config).run(Stage.SINK, ReplayFrom.EARLIEST, false);
            assertThat(plan.toReplay()).isEqualTo(25);
            assertThat(committed(config, plan.group())).containsExactlyInAnyOrderEntriesOf(plan.targets());
            assertThat(Backfills.current(config.kafka()).get(plan.group()).untilOffsets()).hasSize(plan.moves().size());
            assertThat(drain(config)).as("replay %d", replay).isEqualTo(new SinkCounts(0, 25, 0));
            assertThat(documents(config)).as("replay %d", replay).isEqualTo(indexed);
        }
    }

    @Test
    void replayFromATimeTakesOnlyTheRecordsWrittenSinceThen(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        Instant later = Instant.now().minus(1, ChronoUnit.HOURS);
        TestRecords.produceEnriched(config, IntStream.range(0, 12)
                .mapToObj(i -> TestRecords.enriched(TestRecords.article(i, earlier), 1)).toList(), earlier);
        TestRecords.produceEnriched(config, IntStream.range(12, 19)
                .mapToObj(i -> TestRecords.enriched(TestRecords.article(i, later), 1)).toList(), later);
        drain(config);

        Replay.Plan plan = replay(config).run(Stage.SINK, new ReplayFrom(later.minusSeconds(60)), false);

        assertThat(plan.toReplay()).isEqualTo(7);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("7 offsets to process again");
        assertThat(drain(config)).isEqualTo(new SinkCounts(0, 7, 0));
        assertThat(documents(config)).hasSize(19);
    }

    @Test
    void aTimeTheSinkHasNotReachedIsRefusedBecauseItWouldSkipRecords(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        Instant written = Instant.now().minus(1, ChronoUnit.HOURS);
        TestRecords.produceEnriched(config, IntStream.range(0, 6)
                .mapToObj(i -> TestRecords.enriched(TestRecords.article(i, written), 1)).toList(), written);

        assertThatThrownBy(() -> replay(config).run(Stage.SINK, new ReplayFrom(Instant.now()), false))
                .isInstanceOf(Replay.RefusedException.class)
                .hasMessageContaining("would skip 6 records");
        assertThat(committed(config, SinkService.consumerGroup(config))).isEmpty();
    }

    @Test
    void aRunningSinkIsNotMovedAndADryRunChangesNothing(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        TestRecords.produceEnriched(config, IntStream.range(0, 5)
                .mapToObj(i -> TestRecords.enriched(TestRecords.article(i, Instant.now()), 1)).toList(), Instant.now());
        try (RunningSink sink = new RunningSink(SinkService.create(config, new SimpleMeterRegistry()))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> sink.sink().counts().indexed() == 5);
            Map<TopicPartition, Long> before = committed(config, SinkService.consumerGroup(config));

            replay(config).run(Stage.SINK, ReplayFrom.EARLIEST, true);
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("A replay now would be refused", "is running", "Dry run: nothing changed");
            assertThatThrownBy(() -> replay(config).run(Stage.SINK, ReplayFrom.EARLIEST, false))
                    .isInstanceOf(Replay.RefusedException.class)
                    .hasMessageContaining("consumer group " + SinkService.consumerGroup(config) + " is running")
                    .hasMessageContaining("stop every akhbar sink instance");
            assertThat(committed(config, SinkService.consumerGroup(config))).isEqualTo(before);
        }
    }

    @Test
    void replayingEnrichTwiceFromTheEarliestGivesTheSameDocumentsAndCounts(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        List<Article> articles = new ArrayList<>();
        Instant published = Instant.parse("2024-05-01T08:00:00Z");
        IntStream.range(0, 8).forEach(i -> articles.add(TestRecords.article(100 + i, published.plusSeconds(60L * i))));
        articles.add(TestRecords.copyOf(articles.get(0), "https://other.example.org/copy-of-100"));
        TestRecords.produceArticles(config, articles);
        runEnrich(config);
        drain(config);
        Map<String, Map<String, Object>> indexed = withoutVersions(documents(config));
        assertThat(indexed).hasSize(9);
        String original = articles.get(0).getId();
        assertThat(indexed.get(articles.get(8).getId())).containsEntry(NewsFields.STORY_ID, original)
                .containsEntry(NewsFields.DUPLICATE, "EXACT");

        for (int replay = 1; replay <= 2; replay++) {
            output.reset();
            Replay.Plan plan = replay(config).run(Stage.ENRICH, ReplayFrom.EARLIEST, false);
            String printed = output.toString(StandardCharsets.UTF_8);
            assertThat(plan.toReplay()).isEqualTo(9);
            assertThat(plan.internalTopics()).isNotEmpty().allMatch(t -> t.endsWith("-changelog"));
            assertThat(printed).contains("Kafka Streams reset tool", "Reset-offsets for input topics", "Deleting inferred internal topics",
                    "Cleared the local state", "Recorded as a backfill");
            assertThat(committed(config, plan.group())).containsAllEntriesOf(plan.targets());
            runEnrich(config);
            SinkCounts counts = drain(config);
            assertThat(counts.indexed() + counts.stale()).as("replay %d", replay).isGreaterThanOrEqualTo(9);
            assertThat(counts.rejected()).isZero();
            assertThat(withoutVersions(documents(config))).as("replay %d", replay).isEqualTo(indexed);
        }
    }

    @Test
    void enrichRefusesSettingsItsStateWasNotBuiltWithUntilAReplayRebuildsIt(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        TestRecords.produceArticles(config, List.of(TestRecords.article(1, Instant.now())));
        runEnrich(config);
        AkhbarConfig shorterWindow = config.withEnrich(config.enrich()
                .withWindowAndRetention(Duration.ofDays(1), Duration.ofDays(30)));

        try (EnrichService refused = new EnrichService(shorterWindow)) {
            assertThatThrownBy(refused::start).isInstanceOf(StateLayout.MismatchException.class)
                    .hasMessageContaining("enrich.window: P7D in the state, P1D configured")
                    .hasMessageContaining("enrich.bandRetention: P3650D in the state, P30D configured")
                    .hasMessageContaining("./akhbar replay --stage enrich --from earliest");
        }
        replay(shorterWindow).run(Stage.ENRICH, ReplayFrom.EARLIEST, false);
        runEnrich(shorterWindow);
        drain(shorterWindow);
        assertThat(documents(shorterWindow)).hasSize(1);
        try (EnrichService refused = new EnrichService(config)) {
            assertThatThrownBy(refused::start).isInstanceOf(StateLayout.MismatchException.class)
                    .hasMessageContaining("enrich.window: P1D in the state, P7D configured");
        }
    }

    @Test
    void enrichIsNotResetWhileItRuns(@TempDir Path workDir) {
        AkhbarConfig config = setUp(workDir);
        TestRecords.produceArticles(config, List.of(TestRecords.article(1, Instant.now())));
        try (EnrichService enrich = new EnrichService(config).start()) {
            StageWaits.awaitConsumed(config, EnrichService.applicationId(config), EnrichService.inputTopics(config),
                    Duration.ofSeconds(1), Duration.ofMinutes(2));
            assertThatThrownBy(() -> replay(config).run(Stage.ENRICH, ReplayFrom.EARLIEST, false))
                    .isInstanceOf(Replay.RefusedException.class)
                    .hasMessageContaining("Kafka Streams application " + EnrichService.applicationId(config) + " is running")
                    .hasMessageContaining("A Streams reset needs it stopped");
        }
    }

    private AkhbarConfig setUp(Path workDir) {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        return config;
    }

    private Replay replay(AkhbarConfig config) {
        return new Replay(config, out, Clock.systemUTC());
    }

    private static void runEnrich(AkhbarConfig config) {
        try (EnrichService enrich = new EnrichService(config).start()) {
            StageWaits.awaitConsumed(config, EnrichService.applicationId(config), EnrichService.inputTopics(config),
                    Duration.ofSeconds(3), Duration.ofMinutes(2));
        }
    }

    private static SinkCounts drain(AkhbarConfig config) {
        try (ElasticsearchSink sink = SinkService.create(config, new SimpleMeterRegistry())) {
            return sink.drain(IDLE);
        }
    }

    private static Map<String, Map<String, Object>> documents(AkhbarConfig config) throws Exception {
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            Map<String, Map<String, Object>> byId = new TreeMap<>();
            TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias())
                    .forEach(d -> byId.put((String) d.get(NewsFields.ID), d));
            return byId;
        }
    }

    /**
     * Documents without their version: a reset enrich emits each article as often as its story's members arrive,
     * which depends on timing, and the version counts those emissions.
     */
    private static Map<String, Map<String, Object>> withoutVersions(Map<String, Map<String, Object>> documents) {
        Map<String, Map<String, Object>> stripped = new TreeMap<>();
        documents.forEach((id, document) -> {
            Map<String, Object> copy = new HashMap<>(document);
            copy.remove(NewsFields.DOCUMENT_VERSION);
            stripped.put(id, copy);
        });
        return stripped;
    }

    private static Map<TopicPartition, Long> committed(AkhbarConfig config, String group) throws Exception {
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
            return offsets;
        }
    }
}
