package io.akhbar.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Several small news sites, each on its own loopback address (127.0.0.2, 127.0.0.3...), so that they are distinct
 * hosts to the crawler: each serves robots.txt, an RSS feed (answering 304 to its ETag) and article pages (with an
 * ETag too), slowly enough that fetches overlap a rebalance, and records every request with who sent it and when.
 */
final class LoopbackNewsSites implements AutoCloseable {
    /** One request as a site saw it; times by this JVM's clock, so comparable across sites and crawlers. */
    record Request(String host, String path, String userAgent, String ifNoneMatch, long startedNanos,
                   long answeredNanos) {
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Articles the feed dates, as a site does when it updates one: by host and path. */
    private final Map<String, Instant> updated = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-news-site");
        thread.setDaemon(true);
        return thread;
    });
    private final int articlesPerSite;
    private final long pageMillis;
    private int port;

    private LoopbackNewsSites(int articlesPerSite, long pageMillis) {
        this.articlesPerSite = articlesPerSite;
        this.pageMillis = pageMillis;
    }

    /** All sites listen on one port, each on its own address. */
    static LoopbackNewsSites start(int sites, int articlesPerSite, long pageMillis) {
        LoopbackNewsSites all = new LoopbackNewsSites(articlesPerSite, pageMillis);
        try {
            for (int i = 0; i < sites; i++) {
                InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i)});
                HttpServer server = HttpServer.create(new InetSocketAddress(address, all.port), 0);
                all.port = server.getAddress().getPort();
                String host = address.getHostAddress();
                server.createContext("/", exchange -> all.serve(host, exchange));
                server.setExecutor(all.executor);
                server.start();
                all.servers.add(server);
                all.hosts.add(host);
            }
        } catch (IOException e) {
            all.close();
            throw new UncheckedIOException("cannot listen on loopback addresses", e);
        }
        return all;
    }

    List<String> hosts() {
        return List.copyOf(hosts);
    }

    String baseUrl(String host) {
        return "http://" + host + ":" + port;
    }

    List<String> articlePaths() {
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= articlesPerSite; i++) {
            paths.add("/2025/01/article-" + i + "/");
        }
        return paths;
    }

    int articleCount() {
        return hosts.size() * articlesPerSite;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> articleRequests() {
        return requests.stream().filter(request -> request.path().startsWith("/2025/")).toList();
    }

    /** The feed of the host lists the article with this date from now on; the feed's ETag changes with it. */
    void update(String host, String path, Instant at) {
        updated.put(host + path, at);
    }

    /** One source per site, polled every {@code repoll}. */
    String sourcesYaml(String repoll) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < hosts.size(); i++) {
            yaml.append("  - id: site-").append(i + 1).append('\n')
                    .append("    name: موقع ").append(i + 1).append('\n')
                    .append("    feeds: [\"").append(baseUrl(hosts.get(i))).append("/feed/\"]\n")
                    .append("    repoll: ").append(repoll).append('\n');
        }
        return yaml.toString();
    }

    /** A request is recorded as answered before a byte of the answer is sent, as a client waiting for it sees. */
    private void serve(String host, HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        Answer answer;
        if (path.equals("/robots.txt")) {
            answer = new Answer(200, "text/plain", "User-agent: *\nDisallow: /private/\n", null);
        } else if (path.equals("/feed/")) {
            String feed = feed(host);
            String etag = "\"" + Integer.toHexString(feed.hashCode()) + "\"";
            answer = etag.equals(ifNoneMatch) ? Answer.NOT_MODIFIED
                    : new Answer(200, "application/rss+xml; charset=UTF-8", feed, etag);
        } else if (articlePaths().contains(path)) {
            sleep(pageMillis);
            String etag = "\"" + Integer.toHexString(path.hashCode()) + "\"";
            answer = etag.equals(ifNoneMatch) ? Answer.NOT_MODIFIED
                    : new Answer(200, "text/html; charset=utf-8", article(host, path), etag);
        } else {
            answer = new Answer(404, "text/plain", "no such page", null);
        }
        requests.add(new Request(host, path, exchange.getRequestHeaders().getFirst("User-Agent"), ifNoneMatch,
                started, System.nanoTime()));
        try (exchange) {
            answer.send(exchange);
        }
    }

    private record Answer(int status, String contentType, String body, String etag) {
        static final Answer NOT_MODIFIED = new Answer(304, null, "", null);

        void send(HttpExchange exchange) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private String feed(String host) {
        StringBuilder items = new StringBuilder();
        for (String path : articlePaths()) {
            Instant date = updated.get(host + path);
            items.append("<item><title>خبر</title><link>").append(baseUrl(host)).append(path).append("</link>")
                    .append(date == null ? "" : "<pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(date.atOffset(ZoneOffset.UTC)) + "</pubDate>")
                    .append("</item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + host + "</title>" + items
                + "</channel></rss>";
    }

    private static String article(String host, String path) {
        return "<html lang=\"ar\"><head><title>خبر من " + host + "</title></head><body><h1>خبر من " + host
                + "</h1><p>نص الخبر " + path + " كما نشره الموقع.</p></body></html>";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
