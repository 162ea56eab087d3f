package io.akhbar.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One slow test: real servers are started once and exercised end to end. */
class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path workDir;

    @Test
    void servesKafkaAndElasticsearchSurvivesARestartAndLeavesNoProcessBehind() throws Exception {
        Set<ProcessHandle> before = Set.copyOf(ProcessHandle.current().descendants().toList());
        List<ProcessHandle> started;
        try (Stack stack = Stacks.start(StackOptions.defaults(workDir).deletingDataOnClose())) {
            started = ProcessHandle.current().descendants().filter(p -> !before.contains(p)).toList();
            assertThat(stack.backend()).isEqualTo("local processes");
            assertThat(started).as("broker and Elasticsearch processes").isNotEmpty();

            assertThat(roundTrip(stack.kafkaBootstrapServers())).isEqualTo("مرحبا");

            String document = stack.elasticsearchUrl() + "/news/_doc/1";
            String title = "والكتاب المكتبات";
            String json = JSON.writeValueAsString(Map.of("title", title));
            assertThat(send("PUT", document + "?refresh=true", json).statusCode()).isEqualTo(201);
            if (LocalArtifacts.load().analysisPluginZip().isPresent()) {
                assertThat(analyze(stack.elasticsearchUrl(), title))
                        .as("akhbar_arabic strips the conjunction and article").contains("كتاب")
                        .doesNotContain("والكتاب");
            }

            stack.stopElasticsearch();
            assertThatThrownBy(() -> send("GET", document, null)).isInstanceOf(IOException.class);
            stack.startElasticsearch();
            HttpResponse<String> found = send("GET", document, null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(found.body()).path("_source").path("title").asText()).isEqualTo(title);
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(p -> !before.contains(p)).toList()).isEmpty();
    }

    private static String roundTrip(String bootstrapServers) throws Exception {
        String topic = "local-stack-test";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "transactional.id", "local-stack-test"), new StringSerializer(), new StringSerializer())) {
            // Transactional, as the project's Streams applications run exactly-once on this one-node cluster.
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "key", "مرحبا"));
            producer.commitTransaction();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", "local-stack-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("no record consumed from " + topic);
    }

    private static List<String> analyze(String url, String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("analyzer", "akhbar_arabic", "text", text));
        HttpResponse<String> response = send("POST", url + "/_analyze", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        for (JsonNode token : JSON.readTree(response.body()).path("tokens")) {
            tokens.add(token.path("token").asText());
        }
        return tokens;
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
