package io.akhbar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.ingest.fetch.LocalWebServer.Request;
import io.akhbar.ingest.fetch.LocalWebServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1; no other address is ever connected to. */
class HttpFetcherTest {
    private static final String PAGE = "<html><body><p>خبر عاجل</p></body></html>";

    private LocalWebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LocalWebServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpFetcher fetcher() {
        return new HttpFetcher(TestSettings.fast().build());
    }

    @Test
    void fetchesPageWithSelectedHeadersAndUndecodedCharset() throws Exception {
        byte[] windows1256 = "خبر".getBytes("windows-1256");
        server.route("/page", Response.of(200, "text/html; charset=windows-1256", windows1256)
                .with("ETag", "\"v1\"").with("X-Powered-By", "PHP"));

        FetchResult result = fetcher().fetch(server.url("/page"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, page -> {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(windows1256);
            assertThat(page.headers()).containsEntry("content-type", "text/html; charset=windows-1256")
                    .containsEntry("etag", "\"v1\"")
                    .doesNotContainKey("x-powered-by");
        });
        assertThat(server.requestsTo("/page").get(0).headers())
                .containsEntry("user-agent", "AkhbarBot/0.1 (+https://github.com/akhbar)");
    }

    @Test
    void obeysRobotsTxtAndAsksForItOnce() throws Exception {
        server.route("/robots.txt", Response.of(200, "text/plain",
                "User-agent: *\nDisallow: /private/\n\nUser-agent: AkhbarBot\nDisallow: /members/\n"));
        server.route("/private/page", Response.html(PAGE));
        server.route("/members/page", Response.html(PAGE));
        server.route("/public/page", Response.html(PAGE));
        HttpFetcher fetcher = fetcher();

        FetchResult members = fetcher.fetch(server.url("/members/page"), Validators.NONE);
        FetchResult open = fetcher.fetch(server.url("/private/page"), Validators.NONE);
        FetchResult pub = fetcher.fetch(server.url("/public/page"), Validators.NONE);

        assertThat(members).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.ROBOTS_DENIED));
        // Our own group replaces the * group, as robots.txt prescribes.
        assertThat(open).isInstanceOf(FetchResult.Fetched.class);
        assertThat(pub).isInstanceOf(FetchResult.Fetched.class);
        assertThat(server.requestsTo("/members/page")).isEmpty();
        assertThat(server.requestsTo("/robots.txt")).hasSize(1);
    }

    @Test
    void robotsTxtMissingAllowsAllButRobotsTxtFailingClosesTheSite() throws Exception {
        server.route("/page", Response.html(PAGE));
        assertThat(fetcher().fetch(server.url("/page"), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);

        server.route("/robots.txt", Response.status(500));
        FetchResult whileRobotsFails = fetcher().fetch(server.url("/page"), Validators.NONE);

        assertThat(whileRobotsFails).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.ROBOTS_DENIED));
        assertThat(server.requestsTo("/page")).hasSize(1);
    }

    @Test
    void sendsOneRequestAtATimeToAHost() throws Exception {
        server.route("/robots.txt", Response.status(404));
        for (int i = 0; i < 6; i++) {
            server.route("/slow/" + i, request -> {
                Thread.sleep(15);
                return Response.html(PAGE);
            });
        }
        HttpFetcher fetcher = fetcher();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<FetchResult>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String url = server.url("/slow/" + i);
            results.add(threads.submit(() -> fetcher.fetch(url, Validators.NONE)));
        }
        for (Future<FetchResult> result : results) {
            assertThat(result.get()).isInstanceOf(FetchResult.Fetched.class);
        }
        threads.shutdown();

        List<Request> requests = server.requests().stream()
                .sorted(Comparator.comparingLong(Request::startedNanos)).toList();
        assertThat(requests).hasSize(7);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(requests.get(i).startedNanos())
                    .as("request %s began after %s was answered", requests.get(i).path(), requests.get(i - 1).path())
                    .isGreaterThan(requests.get(i - 1).answeredNanos());
        }
    }

    @Test
    void followsRedirectsAndReportsWhereItLanded() throws Exception {
        server.route("/old", Response.redirect(301, "/middle"));
        server.route("/middle", Response.redirect(302, server.url("/new")));
        server.route("/new", Response.html(PAGE));

        FetchResult result = fetcher().fetch(server.url("/old"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, page -> {
            assertThat(page.requestedUrl()).isEqualTo(server.url("/old"));
            assertThat(page.finalUrl()).isEqualTo(server.url("/new"));
        });
    }

    @Test
    void detectsRedirectLoop() throws Exception {
        server.route("/a", Response.redirect(302, "/b"));
        server.route("/b", Response.redirect(302, "/a#again"));

        FetchResult result = fetcher().fetch(server.url("/a"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.REDIRECT_LOOP));
        assertThat(server.requestsTo("/a")).hasSize(1);
    }

    @Test
    void givesUpAfterTheRedirectLimit() throws Exception {
        for (int i = 0; i < 10; i++) {
            server.route("/hop" + i, Response.redirect(307, "/hop" + (i + 1)));
        }
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast().maxRedirects(3).build());

        FetchResult result = fetcher.fetch(server.url("/hop0"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS));
        assertThat(server.requestsTo("/hop3")).hasSize(1);
        assertThat(server.requestsTo("/hop4")).isEmpty();
    }

    /**
     * The test resolver plays DNS: it says "localhost", where the server is, is a public address, and that
     * metadata.test is the cloud metadata address. The HTTP client resolves localhost itself, to loopback.
     */
    @Test
    void refusesRedirectsIntoPrivateNetworks() throws Exception {
        HostResolver resolver = host -> switch (host) {
            case "localhost" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7})};
            case "metadata.test" -> new InetAddress[] {
                    InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
            default -> InetAddress.getAllByName(host);
        };
        String site = "http://localhost:" + server.port();
        server.route("/robots.txt", Response.status(404));
        server.route("/page", Response.html(PAGE));
        server.route("/to-metadata", Response.redirect(302, "http://metadata.test/latest/meta-data/"));
        server.route("/to-loopback", Response.redirect(302, server.url("/secret")));
        server.route("/to-file", Response.redirect(302, "file:///etc/passwd"));
        server.route("/secret", Response.html("secret"));
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast().allowPrivateNetworks(false).build(), resolver);

        assertThat(fetcher.fetch(site + "/page", Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
        for (String path : List.of("/to-metadata", "/to-loopback", "/to-file")) {
            assertThat(fetcher.fetch(site + path, Validators.NONE)).as(path)
                    .isInstanceOfSatisfying(FetchResult.Failed.class,
                            failed -> assertThat(failed.reason()).isEqualTo(FailureReason.REFUSED_ADDRESS));
        }
        assertThat(fetcher.fetch(server.url("/secret"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo(FailureReason.REFUSED_ADDRESS));
        assertThat(server.requestsTo("/secret")).isEmpty();
    }

    @Test
    void answersNotModifiedWhenValidatorsStillMatch() throws Exception {
        String lastModified = "Mon, 06 Jan 2025 10:00:00 GMT";
        server.route("/feed", request -> "\"v1\"".equals(request.headers().get("if-none-match"))
                ? Response.status(304)
                : Response.of(200, "application/rss+xml", "<rss/>")
                        .with("ETag", "\"v1\"").with("Last-Modified", lastModified));
        HttpFetcher fetcher = fetcher();

        FetchResult first = fetcher.fetch(server.url("/feed"), Validators.NONE);
        Validators validators = ((FetchResult.Fetched) first).validators();
        FetchResult second = fetcher.fetch(server.url("/feed"), validators);

        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        Request conditional = server.requestsTo("/feed").get(1);
        assertThat(conditional.headers()).containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", lastModified);
    }

    @Test
    void retriesAfterWhatRetryAfterSaysCapped() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/busy", request -> calls.incrementAndGet() == 1
                ? Response.status(503).with("Retry-After", "3600")
                : Response.html(PAGE));

        FetchResult result = fetcher().fetch(server.url("/busy"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(server.requestsTo("/busy")).hasSize(2);
    }

    @Test
    void retriesServerErrorsWithBackoffThenGivesUp() throws Exception {
        server.route("/broken", Response.status(502));

        FetchResult result = new HttpFetcher(TestSettings.fast().maxRetries(2).build())
                .fetch(server.url("/broken"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.HTTP_ERROR);
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.isTransient()).isTrue();
        });
        assertThat(server.requestsTo("/broken")).hasSize(3);
    }

    @Test
    void doesNotRetryClientErrors() throws Exception {
        FetchResult result = fetcher().fetch(server.url("/missing"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.status()).isEqualTo(404);
            assertThat(failed.isTransient()).isFalse();
        });
        assertThat(server.requestsTo("/missing")).hasSize(1);
    }

    @Test
    void refusesBodiesOverTheLimitWhetherDeclaredOrNot() throws Exception {
        String big = "x".repeat(5000);
        server.route("/declared", Response.html(big));
        server.route("/chunked", Response.html(big).chunked());
        server.route("/small-chunked", Response.html(PAGE).chunked());
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast().maxBodyBytes(1000).build());

        for (String path : List.of("/declared", "/chunked")) {
            assertThat(fetcher.fetch(server.url(path), Validators.NONE)).as(path)
                    .isInstanceOfSatisfying(FetchResult.Failed.class,
                            failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE));
        }
        assertThat(fetcher.fetch(server.url("/small-chunked"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Fetched.class,
                        page -> assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE));
    }

    @Test
    void decodesGzipAndBrotli() throws Exception {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        server.route("/gzip", Response.of(200, "text/html", gzip(page)).with("Content-Encoding", "gzip"));
        server.route("/brotli", Response.of(200, "text/html", brotliStored(page)).with("Content-Encoding", "br"));
        HttpFetcher fetcher = fetcher();

        for (String path : List.of("/gzip", "/brotli")) {
            assertThat(fetcher.fetch(server.url(path), Validators.NONE)).as(path)
                    .isInstanceOfSatisfying(FetchResult.Fetched.class,
                            fetched -> assertThat(fetched.body()).isEqualTo(page));
        }
        assertThat(server.requestsTo("/gzip").get(0).headers()).containsEntry("accept-encoding", "gzip, br");
    }

    @Test
    void refusesGzipBomb() throws Exception {
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
        server.route("/bomb", Response.of(200, "text/html", bomb).with("Content-Encoding", "gzip"));
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast().maxBodyBytes(1024 * 1024).build());

        FetchResult result = fetcher.fetch(server.url("/bomb"), Validators.NONE);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE));
    }

    @Test
    void refusesContentTypesOutsideTheAllowedOnes() throws Exception {
        server.route("/photo", Response.of(200, "image/jpeg", new byte[] {1, 2, 3}));
        server.route("/untyped", Response.of(200, null, "hello"));

        for (String path : List.of("/photo", "/untyped")) {
            assertThat(fetcher().fetch(server.url(path), Validators.NONE)).as(path)
                    .isInstanceOfSatisfying(FetchResult.Failed.class,
                            failed -> assertThat(failed.reason()).isEqualTo(FailureReason.BAD_CONTENT_TYPE));
        }
    }

    @Test
    void timesOutSlowResponses() throws Exception {
        server.route("/robots.txt", Response.status(404));
        server.route("/stuck", request -> {
            Thread.sleep(1000);
            return Response.html(PAGE);
        });
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast()
                .requestTimeout(Duration.ofMillis(100)).maxRetries(0).build());

        FetchResult result = fetcher.fetch(server.url("/stuck"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failed.isTransient()).isTrue();
        });
    }

    @Test
    void reportsUnknownHostsAndMalformedUrlsAsFailures() throws Exception {
        HostResolver nothingResolves = host -> {
            throw new UnknownHostException(host);
        };
        HttpFetcher fetcher = new HttpFetcher(TestSettings.fast().allowPrivateNetworks(false).build(),
                nothingResolves);

        assertThat(fetcher.fetch("http://no-such-host.test/", Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo(FailureReason.NETWORK_ERROR));
        assertThat(fetcher.fetch("http://[::1/page", Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo(FailureReason.BAD_URL));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        }
        return compressed.toByteArray();
    }

    /**
     * A brotli stream holding the bytes in one stored (uncompressed) meta-block, as RFC 7932 allows; there is no
     * brotli encoder on the classpath and the decoder is what is under test.
     */
    private static byte[] brotliStored(byte[] bytes) {
        int lengthMinusOne = bytes.length - 1;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        // Window bits 16 (one 0 bit), not last, four length nibbles, the length, then "uncompressed": 21 bits.
        stream.write((lengthMinusOne & 0x0f) << 4);
        stream.write((lengthMinusOne >> 4) & 0xff);
        stream.write(((lengthMinusOne >> 12) & 0x0f) | 0x10);
        stream.writeBytes(bytes);
        stream.write(0x03); // an empty last meta-block
        return stream.toByteArray();
    }
}
