package io.akhbar.cli.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /health} (200 when every check passes, 503 otherwise, with each check's state) and {@code /metrics}
 * (Prometheus text) for one running service.
 */
public final class ServiceEndpoints implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Supplier<HealthCheck>> checks = new LinkedHashMap<>();

    public record HealthCheck(boolean healthy, String detail) {
        public static HealthCheck up(String detail) {
            return new HealthCheck(true, detail);
        }

        public static HealthCheck down(String detail) {
            return new HealthCheck(false, detail);
        }
    }

    public ServiceEndpoints(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "akhbar-endpoints");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health", this::health);
        server.start();
    }

    public ServiceEndpoints check(String name, Supplier<HealthCheck> check) {
        synchronized (checks) {
            checks.put(name, check);
        }
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        StringBuilder json = new StringBuilder("{");
        boolean healthy = true;
        synchronized (checks) {
            for (Map.Entry<String, Supplier<HealthCheck>> entry : checks.entrySet()) {
                HealthCheck result;
                try {
                    result = entry.getValue().get();
                } catch (RuntimeException e) {
                    result = HealthCheck.down(e.toString());
                }
                healthy &= result.healthy();
                json.append(json.length() > 1 ? "," : "").append('"').append(entry.getKey()).append("\":{\"up\":")
                        .append(result.healthy()).append(",\"detail\":\"")
                        .append(result.detail().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}");
            }
        }
        json.append(json.length() > 1 ? "," : "").append("\"status\":\"").append(healthy ? "UP" : "DOWN").append("\"}");
        respond(exchange, healthy ? 200 : 503, "application/json", json.toString());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
