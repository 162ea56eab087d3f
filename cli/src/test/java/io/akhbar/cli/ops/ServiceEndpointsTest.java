package io.akhbar.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEndpointsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceEndpoints endpoints;

    @AfterEach
    void close() {
        endpoints.close();
    }

    @Test
    void healthIs503WhileAnyCheckFailsAndSaysWhich() throws Exception {
        AtomicBoolean kafkaUp = new AtomicBoolean(true);
        endpoints = new ServiceEndpoints("127.0.0.1", 0, registry)
                .check("kafka", () -> kafkaUp.get() ? ServiceEndpoints.HealthCheck.up("1 broker")
                        : ServiceEndpoints.HealthCheck.down("unreachable"))
                .check("broken", () -> {
                    throw new IllegalStateException("check crashed");
                });
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.at("/kafka/up").asBoolean()).isTrue();
        assertThat(body.at("/broken/detail").asText()).contains("check crashed");

        endpoints.check("broken", () -> ServiceEndpoints.HealthCheck.up("fixed"));
        assertThat(get("/health").statusCode()).isEqualTo(200);
        kafkaUp.set(false);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void theStatusPageIsSelfContainedAndReadsStatusJson() throws Exception {
        endpoints = new ServiceEndpoints("127.0.0.1", 0, registry).status(() -> Map.of("service", "demo"));
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("status.json")
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContainPattern("@import|url\\(");
        assertThat(get("/status.json").body()).isEqualTo("{\"service\":\"demo\"}");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        registry.counter("akhbar.sink.documents", "outcome", "indexed").increment(3);
        endpoints = new ServiceEndpoints("127.0.0.1", 0, registry);
        assertThat(get("/metrics").body()).contains("akhbar_sink_documents_total{outcome=\"indexed\"} 3.0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
