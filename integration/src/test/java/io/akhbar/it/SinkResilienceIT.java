package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.ConsumerLag;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.akhbar.sink.write.ElasticsearchSink;
import io.akhbar.sink.write.SinkCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sink on the real servers: versions decide what is indexed, and an Elasticsearch outage loses nothing. */
class SinkResilienceIT {
    private final Stack stack = Stacks.shared();

    @Test
    void anOlderVersionArrivingAfterANewerOneDoesNotOverwriteIt(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        Article article = TestRecords.article(7, Instant.now());
        EnrichedArticle newer = TestRecords.enriched(article, 5);
        newer.getArticle().setTitle("العنوان الأحدث");
        EnrichedArticle older = TestRecords.enriched(TestRecords.article(7, Instant.now()), 3);
        older.getArticle().setTitle("العنوان الأقدم");
        TestRecords.produceEnriched(config, List.of(newer, older), Instant.now());

        SinkCounts counts;
        try (ElasticsearchSink sink = SinkService.create(config, new SimpleMeterRegistry())) {
            counts = sink.drain(Duration.ofSeconds(2));
        }

        assertThat(counts).isEqualTo(new SinkCounts(1, 1, 0));
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            List<Map<String, Object>> documents = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias());
            assertThat(documents).singleElement().satisfies(d -> {
                assertThat(d).containsEntry(NewsFields.TITLE, "العنوان الأحدث");
                assertThat(((Number) d.get(NewsFields.DOCUMENT_VERSION)).longValue()).isEqualTo(5);
            });
        }
    }

    @Test
    void elasticsearchStoppedMidStreamLosesNothingAndTheSinkResumesByItself(@TempDir Path workDir) throws Exception {
        AkhbarConfig base = setUp(workDir);
        AkhbarConfig config = base.withSink(base.sink().withRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
        String alias = config.sink().indexAlias();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink());
             RunningSink sink = new RunningSink(SinkService.create(config, registry))) {
            TestRecords.produceEnriched(config, batch(0, 100), Instant.now());
            await().atMost(Duration.ofMinutes(1)).until(() -> sink.sink().counts().indexed() == 100);

            stack.stopElasticsearch();
            try {
                TestRecords.produceEnriched(config, batch(100, 200), Instant.now());
                await().atMost(Duration.ofMinutes(1)).until(() -> retries(registry) >= 3);
                assertThat(sink.running()).as("the sink rides out the outage").isTrue();
                assertThat(sink.sink().counts().indexed()).isEqualTo(100);
            } finally {
                stack.startElasticsearch();
            }

            await().atMost(Duration.ofMinutes(2)).until(() -> sink.sink().counts().indexed() == 200);
            assertThat(sink.running()).isTrue();
            assertThat(sink.failure()).isNull();
            elasticsearch.client().indices().refresh(r -> r.index(alias));
            assertThat(elasticsearch.client().count(c -> c.index(alias)).count()).isEqualTo(200);
            assertThat(sink.sink().counts().rejected()).isZero();
            try (Admin admin = Admin.create(config.kafka().clientConfig())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerLag.of(admin, SinkService.consumerGroup(config),
                        SinkService.inputTopics(config)).stream().allMatch(lag -> lag.lag() == 0));
            }
        }
    }

    private AkhbarConfig setUp(Path workDir) {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        return config;
    }

    private static List<EnrichedArticle> batch(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> TestRecords.enriched(TestRecords.article(i, Instant.now()), 1)).toList();
    }

    private static double retries(SimpleMeterRegistry registry) {
        return registry.find("akhbar.sink.retries").counters().stream().mapToDouble(Counter::count).sum();
    }
}
