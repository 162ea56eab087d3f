package io.akhbar.cli.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The HTTP endpoints of one running service: {@code /health} (readiness: 200 when every check passes, 503
 * otherwise, with each check's state), {@code /health/live} (200 while the process serves), {@code /metrics}
 * (Prometheus text), {@code /status.json} and the status page at {@code /}, which renders it.
 */
public final class ServiceEndpoints implements AutoCloseable {
    /** A check that does not answer in time (a hung broker or cluster) fails rather than blocking the endpoint. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] STATUS_PAGE = statusPage();

    private final HttpServer server;
    private final ExecutorService requests = daemonPool("akhbar-endpoints", 4);
    private final ExecutorService checkRunner = daemonPool("akhbar-health-check", 4);
    private final Map<String, Supplier<HealthCheck>> checks = new LinkedHashMap<>();
    private volatile Supplier<Object> status = () -> Map.of();

    public record HealthCheck(boolean healthy, String detail) {
        public static HealthCheck up(String detail) {
            return new HealthCheck(true, detail);
        }

        public static HealthCheck down(String detail) {
            return new HealthCheck(false, detail);
        }
    }

    /** Every check's outcome, by name in the order they were added. */
    public record Health(boolean healthy, Map<String, HealthCheck> checks) {
    }

    public ServiceEndpoints(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(requests);
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/health", this::health);
        server.createContext("/status.json", exchange -> respond(exchange, 200, "application/json",
                JSON.writeValueAsBytes(status.get())));
        server.createContext("/", this::page);
        server.start();
    }

    public ServiceEndpoints check(String name, Supplier<HealthCheck> check) {
        synchronized (checks) {
            checks.put(name, check);
        }
        return this;
    }

    /** What {@code /status.json} serves: any value Jackson can write. */
    public ServiceEndpoints status(Supplier<Object> report) {
        this.status = report;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Health health() {
        Map<String, Supplier<HealthCheck>> current;
        synchronized (checks) {
            current = new LinkedHashMap<>(checks);
        }
        Map<String, CompletableFuture<HealthCheck>> running = new LinkedHashMap<>();
        current.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(check, checkRunner)));
        Map<String, HealthCheck> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        running.forEach((name, future) -> results.put(name, outcome(future, deadline)));
        return new Health(results.values().stream().allMatch(HealthCheck::healthy), results);
    }

    private static HealthCheck outcome(CompletableFuture<HealthCheck> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return HealthCheck.down("no answer within " + CHECK_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return HealthCheck.down(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.down("interrupted");
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/health/live")) {
            respond(exchange, 200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Health health = health();
        Map<String, Object> body = new LinkedHashMap<>();
        health.checks().forEach((name, check) -> body.put(name, Map.of("up", check.healthy(),
                "detail", String.valueOf(check.detail()))));
        body.put("status", health.healthy() ? "UP" : "DOWN");
        respond(exchange, health.healthy() ? 200 : 503, "application/json", JSON.writeValueAsBytes(body));
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") || path.equals("/index.html")) {
            respond(exchange, 200, "text/html; charset=utf-8", STATUS_PAGE);
        } else {
            respond(exchange, 404, "text/plain; charset=utf-8", ("no such page: " + path
                    + " (try /, /status.json, /health, /metrics)").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] statusPage() {
        try (InputStream in = ServiceEndpoints.class.getResourceAsStream("status.html")) {
            if (in == null) {
                throw new IllegalStateException("status.html is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        checkRunner.shutdownNow();
    }
}
