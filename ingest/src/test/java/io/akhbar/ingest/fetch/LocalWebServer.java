package io.akhbar.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for tests, serving fixed routes and recording every request it received, with
 * when it started and finished by the server's clock.
 */
public final class LocalWebServer implements AutoCloseable {
    /**
     * What the server saw; header names in lower case. {@code answeredNanos} is when the handler had its answer,
     * before a byte of it was sent, so a client cannot have sent its next request before then if it waits.
     */
    public record Request(String path, Map<String, String> headers, long startedNanos, long answeredNanos) {
    }

    /** {@code withoutLength} leaves the length out of the headers, so the client learns it only by reading. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean withoutLength) {
        public static Response of(int status, String contentType, String body) {
            return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response of(int status, String contentType, byte[] body) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return new Response(status, headers, body, false);
        }

        public static Response html(String body) {
            return of(200, "text/html; charset=utf-8", body);
        }

        public static Response redirect(int status, String location) {
            return of(status, null, new byte[0]).with("Location", location);
        }

        public static Response status(int status) {
            return of(status, null, new byte[0]);
        }

        public Response with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Response(status, more, body, withoutLength);
        }

        public Response chunked() {
            return new Response(status, headers, body, true);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        // Several threads, so that the server would answer overlapping requests if a client sent them.
        server.setExecutor(executor);
        server.start();
    }

    public static LocalWebServer start() throws IOException {
        return new LocalWebServer();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LocalWebServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public LocalWebServer route(String path, Response response) {
        return route(path, request -> response);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Handler handler = routes.getOrDefault(path, ignored -> Response.of(404, "text/plain", "no such page"));
        Response response;
        try {
            response = handler.handle(new Request(path, headers, started, started));
        } catch (Exception e) {
            response = Response.of(500, "text/plain", e.toString());
        }
        requests.add(new Request(path, headers, started, System.nanoTime()));
        try (exchange) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean bodyless = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(),
                    bodyless ? -1 : response.withoutLength() ? 0 : response.body().length);
            if (!bodyless) {
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(response.body());
                }
            }
        } catch (IOException clientHungUp) {
            // Expected when the crawler refuses a body part-way.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
