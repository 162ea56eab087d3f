package io.akhbar.localstack.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web site that attacks its crawler, on a loopback address of the caller's choice (any of 127.0.0.0/8, so that
 * several sites are several hosts): a server that trickles a byte a second, a 1 GiB body, a gzip bomb, binary
 * served as HTML, broken and mixed charsets, redirect loops and chains, a page with 10,000 links, markup full of
 * scripts, XML with external entities and the billion laughs. Honest articles sit among the traps, listed in the
 * same feed, so a test can check that they still get through. Bodies are generated as they are sent: the site
 * holds none of the large ones in memory, and counts what it sent of each and whether the client hung up.
 */
public final class HostileSite implements AutoCloseable {
    public static final String FEED = "/feed.xml";
    /** A feed of only the links given to {@link #listInFeed}. */
    public static final String LINKS_FEED = "/links.xml";
    public static final String MARKUP_TRAPS = "/articles/markup-traps.html";
    public static final String CHARSET_IN_HEADER = "/articles/charset-in-header.html";
    public static final String CHARSET_IN_META = "/articles/charset-in-meta.html";
    public static final String CHARSET_UNDECLARED = "/articles/charset-undeclared.html";
    public static final String CHARSET_MISLABELLED = "/articles/charset-mislabelled.html";
    public static final String CHARSET_MIXED = "/articles/charset-mixed.html";
    public static final String TEN_THOUSAND_LINKS = "/articles/ten-thousand-links.html";
    public static final String DEEPLY_NESTED = "/articles/deeply-nested.html";
    public static final String BINARY = "/articles/binary.html";
    public static final String TRICKLE = "/articles/trickle.html";
    public static final String HUGE = "/articles/huge.html";
    public static final String HUGE_DECLARED = "/articles/huge-declared.html";
    public static final String GZIP_BOMB = "/articles/gzip-bomb.html";
    public static final String REDIRECT_LOOP = "/redirect/loop-a";
    public static final String REDIRECT_CHAIN = "/redirect/chain/0";
    public static final String FEED_EXTERNAL_ENTITIES = "/feed-xxe.xml";
    public static final String FEED_BILLION_LAUGHS = "/feed-laughs.xml";
    public static final String SITEMAP_EXTERNAL_ENTITIES = "/sitemap-xxe.xml";
    public static final String SITEMAP_BILLION_LAUGHS = "/sitemap-laughs.xml";
    public static final String SITEMAP_GZIP_BOMB = "/sitemap-bomb.xml.gz";
    /** Requested only by a parser that resolves external entities. */
    public static final String TRIPWIRE = "/tripwire";

    /** What a browser makes of the honest articles: the pages where the title and paragraphs must come out intact. */
    public static final Map<String, List<String>> READABLE = Map.of(
            MARKUP_TRAPS, HostilePages.BOOK_FAIR,
            CHARSET_IN_HEADER, HostilePages.RAIN,
            CHARSET_IN_META, HostilePages.RAIN,
            CHARSET_UNDECLARED, HostilePages.RAIN,
            CHARSET_MIXED, HostilePages.RAIN);
    public static final Map<String, String> TITLES = Map.of(
            MARKUP_TRAPS, HostilePages.BOOK_FAIR_TITLE,
            CHARSET_IN_HEADER, HostilePages.RAIN_TITLE,
            CHARSET_IN_META, HostilePages.RAIN_TITLE,
            CHARSET_UNDECLARED, HostilePages.RAIN_TITLE,
            CHARSET_MIXED, HostilePages.RAIN_TITLE);

    public static final long HUGE_BYTES = 1L << 30;
    private static final long GZIP_BOMB_INFLATED_BYTES = 256L << 20;
    private static final int REDIRECT_CHAIN_LENGTH = 30;
    private static final Duration TRICKLE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration TRICKLE_GIVES_UP_AFTER = Duration.ofHours(1);
    private static final String HTML_UTF8 = "text/html; charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(HostileSite.class);

    /** What the site sent on one path. */
    public record Served(int requests, long bodyBytes, boolean clientHungUp) {
    }

    @FunctionalInterface
    private interface Route {
        void serve(HttpExchange exchange, Tally tally) throws IOException;
    }

    private static final class Tally {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicLong bodyBytes = new AtomicLong();
        final AtomicBoolean hungUp = new AtomicBoolean();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final boolean robotsDisallowAll;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final List<String> extraFeedLinks = new CopyOnWriteArrayList<>();
    private final byte[] gzipBomb = HostilePages.gzipBomb(GZIP_BOMB_INFLATED_BYTES, false);
    private final byte[] sitemapGzipBomb = HostilePages.gzipBomb(GZIP_BOMB_INFLATED_BYTES, true);

    private HostileSite(InetAddress address, boolean robotsDisallowAll) throws IOException {
        this.robotsDisallowAll = robotsDisallowAll;
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        baseUrl = "http://" + address.getHostAddress() + ":" + server.getAddress().getPort();
        AtomicInteger threadNumber = new AtomicInteger();
        // Unbounded: a trickling response holds its thread for as long as the client listens.
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hostile-site-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        defineRoutes();
        server.start();
        log.info("Hostile site serving at {}{}", baseUrl, robotsDisallowAll ? " (robots.txt disallows everything)" : "");
    }

    /** @param address a loopback address, such as 127.0.0.3 */
    public static HostileSite start(InetAddress address) {
        return start(address, false);
    }

    /** A site whose robots.txt disallows everything, with a feed that would lead to an article. */
    public static HostileSite startClosed(InetAddress address) {
        return start(address, true);
    }

    private static HostileSite start(InetAddress address, boolean robotsDisallowAll) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("a hostile site listens on loopback only, not on " + address);
        }
        try {
            return new HostileSite(address, robotsDisallowAll);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the hostile site on " + address, e);
        }
    }

    public static InetAddress loopback(int lastByte) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** The pages the feed lists: every article path above, and the redirect loop and chain. */
    public List<String> feedPaths() {
        return List.of(MARKUP_TRAPS, CHARSET_IN_HEADER, CHARSET_IN_META, CHARSET_UNDECLARED, CHARSET_MISLABELLED,
                CHARSET_MIXED, TEN_THOUSAND_LINKS, DEEPLY_NESTED, BINARY, TRICKLE, HUGE, HUGE_DECLARED, GZIP_BOMB,
                REDIRECT_LOOP, REDIRECT_CHAIN);
    }

    /**
     * Lists a further URL in the feed and in the links feed, on any host: a link a site can publish to lead a
     * crawler elsewhere.
     */
    public HostileSite listInFeed(String url) {
        extraFeedLinks.add(url);
        return this;
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public HostileSite redirect(String path, String location) {
        routes.put(path, (exchange, tally) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return this;
    }

    /** A source for the crawler's sources file: the feed, the malicious feeds and sitemaps, the 10,000 links. */
    public String sourceYaml(String id) {
        return "  - id: " + id + "\n"
                + "    name: موقع معادٍ\n"
                + "    repoll: PT5M\n"
                + "    feeds: [" + quoted(FEED) + ", " + quoted(FEED_EXTERNAL_ENTITIES) + ", "
                + quoted(FEED_BILLION_LAUGHS) + "]\n"
                + "    sitemaps: [" + quoted(SITEMAP_EXTERNAL_ENTITIES) + ", " + quoted(SITEMAP_BILLION_LAUGHS) + ", "
                + quoted(SITEMAP_GZIP_BOMB) + "]\n"
                + "    sections:\n"
                + "      - url: " + quoted(TEN_THOUSAND_LINKS) + "\n"
                + "        linkPattern: \"/articles/\"\n";
    }

    public Served served(String path) {
        Tally tally = tallies.get(path);
        return tally == null ? new Served(0, 0, false)
                : new Served(tally.requests.get(), tally.bodyBytes.get(), tally.hungUp.get());
    }

    /** Requests per path, in no particular order. */
    public Map<String, Integer> requests() {
        Map<String, Integer> requests = new LinkedHashMap<>();
        tallies.forEach((path, tally) -> requests.put(path, tally.requests.get()));
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void defineRoutes() {
        routes.put("/robots.txt", (exchange, tally) -> send(exchange, tally, 200, "text/plain",
                ("User-agent: *\n" + (robotsDisallowAll ? "Disallow: /\n" : "Allow: /\n"))
                        .getBytes(StandardCharsets.UTF_8)));
        routes.put(FEED, (exchange, tally) -> {
            List<String> links = new ArrayList<>(feedPaths().stream().map(this::url).toList());
            links.addAll(extraFeedLinks);
            send(exchange, tally, 200, "application/rss+xml; charset=utf-8",
                    HostilePages.rss(baseUrl, links).getBytes(StandardCharsets.UTF_8));
        });
        routes.put(LINKS_FEED, (exchange, tally) -> send(exchange, tally, 200, "application/rss+xml; charset=utf-8",
                HostilePages.rss(baseUrl, List.copyOf(extraFeedLinks)).getBytes(StandardCharsets.UTF_8)));
        html(MARKUP_TRAPS, HTML_UTF8, HostilePages.markupTrapsArticle().getBytes(StandardCharsets.UTF_8));
        html(CHARSET_IN_HEADER, "text/html; charset=windows-1256",
                HostilePages.rainArticle(null).getBytes(HostilePages.WINDOWS_1256));
        html(CHARSET_IN_META, "text/html",
                HostilePages.rainArticle("windows-1256").getBytes(HostilePages.WINDOWS_1256));
        html(CHARSET_UNDECLARED, "text/html", HostilePages.rainArticle(null).getBytes(HostilePages.WINDOWS_1256));
        html(CHARSET_MISLABELLED, HTML_UTF8, HostilePages.rainArticle("utf-8").getBytes(HostilePages.WINDOWS_1256));
        html(CHARSET_MIXED, HTML_UTF8, HostilePages.mixedCharsetArticle());
        html(TEN_THOUSAND_LINKS, HTML_UTF8, HostilePages.tenThousandLinks().getBytes(StandardCharsets.UTF_8));
        html(DEEPLY_NESTED, HTML_UTF8, HostilePages.deeplyNested(100_000).getBytes(StandardCharsets.UTF_8));
        html(BINARY, HTML_UTF8, HostilePages.binary(64 * 1024));
        routes.put(TRICKLE, this::trickle);
        routes.put(HUGE, (exchange, tally) -> stream(exchange, tally, false));
        routes.put(HUGE_DECLARED, (exchange, tally) -> stream(exchange, tally, true));
        routes.put(GZIP_BOMB, (exchange, tally) -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, tally, 200, HTML_UTF8, gzipBomb);
        });
        routes.put(REDIRECT_LOOP, redirectTo("/redirect/loop-b"));
        routes.put("/redirect/loop-b", redirectTo(REDIRECT_LOOP));
        for (int i = 0; i < REDIRECT_CHAIN_LENGTH; i++) {
            routes.put("/redirect/chain/" + i, redirectTo("/redirect/chain/" + (i + 1)));
        }
        routes.put("/redirect/chain/" + REDIRECT_CHAIN_LENGTH, redirectTo(MARKUP_TRAPS));
        xml(FEED_EXTERNAL_ENTITIES, HostilePages.externalEntities(baseUrl, url(TRIPWIRE), false));
        xml(FEED_BILLION_LAUGHS, HostilePages.billionLaughs(baseUrl, false));
        xml(SITEMAP_EXTERNAL_ENTITIES, HostilePages.externalEntities(baseUrl, url(TRIPWIRE), true));
        xml(SITEMAP_BILLION_LAUGHS, HostilePages.billionLaughs(baseUrl, true));
        // Served as XML, as servers do that map .gz to nothing better: the parser finds the gzip by its magic bytes.
        routes.put(SITEMAP_GZIP_BOMB, (exchange, tally) -> send(exchange, tally, 200, "application/xml",
                sitemapGzipBomb));
        routes.put(TRIPWIRE, (exchange, tally) -> {
            log.error("Hostile site: {} was requested, so an XML parser resolved an external entity", TRIPWIRE);
            send(exchange, tally, 200, "text/plain", "tripped".getBytes(StandardCharsets.UTF_8));
        });
    }

    private void html(String path, String contentType, byte[] body) {
        routes.put(path, (exchange, tally) -> send(exchange, tally, 200, contentType, body));
    }

    private void xml(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        routes.put(path, (exchange, tally) -> send(exchange, tally, 200, "application/xml; charset=utf-8", bytes));
    }

    private Route redirectTo(String path) {
        return (exchange, tally) -> {
            exchange.getResponseHeaders().set("Location", url(path));
            exchange.sendResponseHeaders(301, -1);
        };
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        Tally tally = tallies.computeIfAbsent(path, ignored -> new Tally());
        tally.requests.incrementAndGet();
        try (exchange) {
            Route route = routes.get(path);
            if (route == null) {
                send(exchange, tally, 404, "text/plain", "no such page\n".getBytes(StandardCharsets.UTF_8));
            } else {
                route.serve(exchange, tally);
            }
        } catch (IOException clientHungUp) {
            tally.hungUp.set(true);
            log.debug("Hostile site: client hung up on {} after {} bytes", path, tally.bodyBytes.get());
        }
    }

    private static void send(HttpExchange exchange, Tally tally, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
            tally.bodyBytes.addAndGet(body.length);
        }
    }

    /** One byte a second, for an hour: a read timeout alone never fires, only a deadline on the whole request does. */
    private void trickle(HttpExchange exchange, Tally tally) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", HTML_UTF8);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        byte[] page = HostilePages.rainArticle("utf-8").getBytes(StandardCharsets.UTF_8);
        long stopAt = System.nanoTime() + TRICKLE_GIVES_UP_AFTER.toNanos();
        for (int i = 0; System.nanoTime() < stopAt; i = (i + 1) % page.length) {
            out.write(page[i]);
            out.flush();
            tally.bodyBytes.incrementAndGet();
            try {
                Thread.sleep(TRICKLE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.close();
    }

    /** {@link #HUGE_BYTES} of HTML made up as it is sent; with {@code declared} the length is in the headers. */
    private static void stream(HttpExchange exchange, Tally tally, boolean declared) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", HTML_UTF8);
        exchange.sendResponseHeaders(200, declared ? HUGE_BYTES : 0);
        byte[] chunk = new byte[64 * 1024];
        byte[] filler = "<p>حشو حشو حشو</p>\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = filler[i % filler.length];
        }
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                out.write(chunk);
                tally.bodyBytes.addAndGet(chunk.length);
            }
        }
    }

    private String quoted(String path) {
        return '"' + url(path) + '"';
    }
}
