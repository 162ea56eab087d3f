package io.akhbar.localstack.site;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Answers GET and HEAD for one outlet from its resources, with the conditional requests a polite crawler makes. */
final class ResourceHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ResourceHandler.class);
    /** IMF-fixdate; {@link DateTimeFormatter#RFC_1123_DATE_TIME} would drop the leading zero of the day. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final byte[] NOT_FOUND = "404 Not Found\n".getBytes(StandardCharsets.UTF_8);

    private final String outletId;
    private final String baseUrl;
    private final SiteResources resources;
    private final Instant lastModified;

    /** @param lastModified whole seconds, as an HTTP date carries; every page is as old as the running site */
    ResourceHandler(String outletId, String baseUrl, SiteResources resources, Instant lastModified) {
        this.outletId = outletId;
        this.baseUrl = baseUrl;
        this.resources = resources;
        this.lastModified = lastModified;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            int status = respond(exchange);
            log.debug("{} {} {} -> {}", outletId, exchange.getRequestMethod(), exchange.getRequestURI(), status);
        } catch (RuntimeException e) {
            // HttpServer drops the connection without a word when a handler throws; say what broke.
            log.error("{} {} {} failed", outletId, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private int respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return 405;
        }
        Optional<Representation> found = resources.find(outletId, exchange.getRequestURI().getPath(), baseUrl);
        if (found.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            send(exchange, 404, NOT_FOUND, head);
            return 404;
        }
        Representation page = found.get();
        Headers headers = exchange.getResponseHeaders();
        headers.set("ETag", page.etag());
        headers.set("Last-Modified", HTTP_DATE.format(lastModified));
        if (notModified(exchange.getRequestHeaders(), page.etag())) {
            exchange.sendResponseHeaders(304, -1);
            return 304;
        }
        headers.set("Content-Type", page.contentType());
        send(exchange, 200, page.body(), head);
        return 200;
    }

    /** RFC 9110: If-None-Match, when present, decides alone; If-Modified-Since is only the fallback. */
    private boolean notModified(Headers request, String etag) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
