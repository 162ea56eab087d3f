package io.akhbar.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Backfills;
import io.akhbar.cli.ops.Reindex;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.SinkSettings;
import io.akhbar.sink.index.NewsIndices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code akhbar reindex} on the real servers, with the live sink running throughout. */
class ReindexIT {
    private final Stack stack = Stacks.shared();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void reindexSwapsTheAliasOnceTheNewIndexHasEveryDocumentIncludingThoseArrivingMeanwhile(@TempDir Path workDir)
            throws Exception {
        AkhbarConfig config = setUp(workDir);
        SinkSettings settings = config.sink();
        TestRecords.produceEnriched(config, batch(0, 300), Instant.now());
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(settings);
             RunningSink live = new RunningSink(SinkService.create(config, new SimpleMeterRegistry()))) {
            ElasticsearchClient client = elasticsearch.client();
            NewsIndices indices = new NewsIndices(client, settings);
            await().atMost(Duration.ofMinutes(1)).until(() -> live.sink().counts().indexed() == 300);
            String first = settings.indexPrefix() + "000001";
            assertThat(indices.behind(settings.indexAlias())).containsExactly(first);

            CompletableFuture<Void> arriving = CompletableFuture.runAsync(() -> {
                for (int from = 300; from < 400; from += 20) {
                    TestRecords.produceEnriched(config, batch(from, from + 20), Instant.now());
                }
            });
            Reindex.Result result = new Reindex(config, out, Clock.systemUTC(), Duration.ofMillis(200)).run(false, false);
            arriving.join();

            String second = settings.indexPrefix() + "000002";
            assertThat(result.swapped()).isTrue();
            assertThat(result.newIndex()).isEqualTo(second);
            assertThat(result.oldIndices()).containsExactly(first);
            assertThat(indices.behind(settings.indexAlias())).containsExactly(second);
            assertThat(indices.behind(indices.stagingAlias())).isEmpty();
            await().atMost(Duration.ofMinutes(1)).until(() -> live.sink().counts().indexed() + live.sink().counts().stale() == 400);
            assertThat(indices.count(second)).isEqualTo(400);
            assertThat(indices.count(settings.indexAlias())).isEqualTo(400);
            assertThat(indices.count(first)).as("the old index, kept").isBetween(300L, 400L);
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("Created index " + second, "Alias " + settings.indexAlias() + " now points at " + second, "Kept " + first);
            String group = SinkService.consumerGroup(config) + "-reindex-" + second;
            try (Admin admin = Admin.create(config.kafka().clientConfig())) {
                assertThat(admin.listGroups().all().get()).noneMatch(g -> g.groupId().equals(group));
            }
            assertThat(Backfills.current(config.kafka())).doesNotContainKey(group);

            Reindex.Result again = new Reindex(config, out, Clock.systemUTC(), Duration.ofMillis(200)).run(true, false);
            String third = settings.indexPrefix() + "000003";
            assertThat(again.newIndex()).isEqualTo(third);
            assertThat(indices.behind(settings.indexAlias())).containsExactly(third);
            assertThat(indices.count(third)).isEqualTo(400);
            assertThat(client.indices().exists(e -> e.index(second)).value()).as("deleted with --delete-old").isFalse();
        }
    }

    @Test
    void aNewIndexMissingDocumentsOfTheLiveOneIsNotSwappedInUnlessForced(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = setUp(workDir);
        SinkSettings settings = config.sink();
        TestRecords.produceEnriched(config, batch(0, 10), Instant.now());
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(settings);
             RunningSink live = new RunningSink(SinkService.create(config, new SimpleMeterRegistry()))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> live.sink().counts().indexed() == 10);
            // A document whose record the topic no longer holds, as after the topic's retention dropped it.
            elasticsearch.client().index(i -> i.index(settings.indexAlias()).id("gone-from-the-topic")
                    .withJson(new StringReader("{\"title\":\"قديم\"}")));
            NewsIndices indices = new NewsIndices(elasticsearch.client(), settings);

            Reindex.Result refused = new Reindex(config, out, Clock.systemUTC(), Duration.ofMillis(200)).run(false, false);

            assertThat(refused.swapped()).isFalse();
            assertThat(refused.documents()).isEqualTo(10);
            assertThat(refused.liveDocuments()).isEqualTo(11);
            assertThat(indices.behind(settings.indexAlias())).containsExactly(settings.indexPrefix() + "000001");
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("Not swapping");

            Reindex.Result forced = new Reindex(config, out, Clock.systemUTC(), Duration.ofMillis(200)).run(false, true);

            assertThat(forced.swapped()).isTrue();
            assertThat(forced.newIndex()).isEqualTo(refused.newIndex());
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("Resuming the reindex into " + refused.newIndex());
            assertThat(indices.behind(settings.indexAlias())).containsExactly(refused.newIndex());
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
}
