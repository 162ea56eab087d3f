package io.akhbar.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.ops.Operations;
import io.akhbar.cli.ops.ServiceEndpoints.HealthCheck;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Health that means something: each check asks the real Kafka, Streams application or Elasticsearch. */
class HealthChecksIT {
    @TempDir
    Path workDir;
    private final Stack stack = Stacks.shared();

    @Test
    void kafkaIsUpWhenTheClusterAnswersAndDownWhenNothingListens() {
        try (Admin reachable = Admin.create(KafkaSettings.of(stack.kafkaBootstrapServers()).clientConfig());
             Admin unreachable = Admin.create(KafkaSettings.of(nowhere()).clientConfig())) {
            assertThat(HealthChecks.kafka(reachable).get()).isEqualTo(HealthCheck.up("1 broker"));
            HealthCheck down = HealthChecks.kafka(unreachable).get();
            assertThat(down.healthy()).isFalse();
            assertThat(down.detail()).isNotBlank();
        }
    }

    @Test
    void elasticsearchIsUpWhenTheClusterAnswersAndDownWhenNothingListens() {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        try (ElasticsearchConnection reachable = ElasticsearchConnection.open(config.sink());
             ElasticsearchConnection unreachable = ElasticsearchConnection.open(
                     config.sink().withElasticsearchUrl("http://" + nowhere()))) {
            HealthCheck up = HealthChecks.elasticsearch(reachable.client()).get();
            assertThat(up.healthy()).as(up.detail()).isTrue();
            assertThat(up.detail()).matches("cluster (green|yellow)");
            assertThat(HealthChecks.elasticsearch(unreachable.client()).get().healthy()).isFalse();
        }
    }

    @Test
    void aStreamsApplicationIsUpWhileItRunsAndDownOnceStopped() throws Exception {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        ExtractService extract = new ExtractService(config);
        var check = HealthChecks.streams(extract.runner());
        assertThat(check.get()).isEqualTo(HealthCheck.down("CREATED"));
        extract.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!check.get().healthy() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(check.get().healthy()).as(check.get().detail()).isTrue();
        extract.close();
        assertThat(check.get()).isEqualTo(HealthCheck.down("NOT_RUNNING"));
    }

    @Test
    void aServiceWhoseKafkaIsUnreachableAnswers503() throws Exception {
        AkhbarConfig reachable = TestPipelines.config(stack, workDir);
        AkhbarConfig unreachable = reachable.withKafka(KafkaSettings.of(nowhere()));
        try (Operations up = Operations.start("up", reachable, List.of());
             Operations down = Operations.start("down", unreachable, List.of())) {
            assertThat(health(up).statusCode()).isEqualTo(200);
            HttpResponse<String> response = health(down);
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.at("/kafka/up").asBoolean()).isFalse();
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
        }
    }

    private static HttpResponse<String> health(Operations ops) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ops.url() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A loopback address where nothing listens. */
    private static String nowhere() {
        return "127.0.0.1:" + ExternalTools.freeLoopbackPort();
    }
}
