package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Redrive;
import io.akhbar.cli.ops.Stage;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code akhbar redrive} on the real servers: a dead letter goes back to its topic once, and flows on. */
class RedriveIT {
    private final Stack stack = Stacks.shared();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void aSinkDeadLetterIsSentBackOnceAndIndexed(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        Article article = TestRecords.article(42, Instant.now());
        byte[] original = AkhbarSerdes.ENRICHED_ARTICLE.encode(TestRecords.enriched(article, 1));
        Article other = TestRecords.article(43, Instant.now());
        produceDeadLetters(config, List.of(
                deadLetter("sink", config.kafka().topics().enriched(), article.getId(), original),
                deadLetter("enrich", config.kafka().topics().articles(), other.getId(), AkhbarSerdes.ARTICLE.encode(other))));
        String enriched = config.kafka().topics().enriched();

        List<Redrive.StageReport> dryRun = new Redrive(config, out).run(List.of(Stage.SINK), true);
        assertThat(dryRun).singleElement().satisfies(r -> assertThat(r.redriven()).isEqualTo(Map.of(enriched, 1L)));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("would redrive " + enriched, "Dry run");
        assertThat(TestRecords.writtenOffsets(config, enriched)).as("a dry run sends nothing").isZero();

        List<Redrive.StageReport> first = new Redrive(config, out).run(List.of(Stage.SINK), false);
        assertThat(first).singleElement().satisfies(r -> assertThat(r.total()).isEqualTo(1));
        // The transaction's commit marker reaches the partition just after the commit returns.
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestRecords.readAll(config, enriched).isEmpty());
        assertThat(TestRecords.readAll(config, enriched)).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(article.getId());
            assertThat(r.value()).isEqualTo(original);
            assertThat(r.headers().lastHeader(Redrive.SOURCE_HEADER)).isNotNull();
        });
        assertThat(TestRecords.readAll(config, config.kafka().topics().articles())).as("not this stage's letter").isEmpty();

        long written = TestRecords.writtenOffsets(config, enriched);
        List<Redrive.StageReport> second = new Redrive(config, out).run(List.of(Stage.SINK), false);
        assertThat(second).singleElement().satisfies(r -> assertThat(r.total()).isZero());
        assertThat(TestRecords.writtenOffsets(config, enriched)).as("nothing sent twice").isEqualTo(written);

        try (ElasticsearchSink sink = SinkService.create(config, new SimpleMeterRegistry());
             ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            assertThat(sink.drain(Duration.ofSeconds(2)).indexed()).isEqualTo(1);
            assertThat(TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias()))
                    .singleElement().satisfies(d -> assertThat(d).containsEntry(NewsFields.ID, article.getId()));
        }
    }

    static DeadLetter deadLetter(String stage, String topic, String key, byte[] value) {
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setOriginalTopic(topic)
                .setOriginalPartition(0)
                .setOriginalOffset(0L)
                .setOriginalKey(key)
                .setOriginalValue(ByteBuffer.wrap(value))
                .setErrorClass("version_conflict_engine_exception")
                .setErrorMessage("a test letter")
                .setFailedAt(Instant.now())
                .build();
    }

    private static void produceDeadLetters(AkhbarConfig config, List<DeadLetter> letters) {
        String topic = config.kafka().topics().deadLetters();
        TestRecords.produce(config, topic, letters.stream().map(l -> new ProducerRecord<>(topic, l.getOriginalKey(),
                AkhbarSerdes.DEAD_LETTER.encode(l))).toList());
    }
}
