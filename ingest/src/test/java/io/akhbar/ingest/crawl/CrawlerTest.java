package io.akhbar.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.ingest.fetch.LocalWebServer;
import io.akhbar.ingest.fetch.LocalWebServer.Request;
import io.akhbar.ingest.fetch.LocalWebServer.Response;
import io.akhbar.ingest.fetch.TestSettings;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.CrawlOutcome;
import io.akhbar.model.RawPage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A small news site on a real HTTP server on 127.0.0.1, crawled end to end into an in-memory sink. */
class CrawlerTest {
    private static final Pattern ARTICLE_LINK = Pattern.compile("/2025/\\d\\d/[^/]+/$");

    private LocalWebServer server;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<RawPage> pages = Collections.synchronizedList(new ArrayList<>());
    private final RawPageSink sink = (key, page) -> {
        keys.add(key);
        pages.add(page);
    };

    @BeforeEach
    void startServer() throws IOException {
        server = LocalWebServer.start();
        server.route("/robots.txt", Response.of(200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Crawler crawler(CrawlerSettings settings, Source... sources) {
        return new Crawler(settings, List.of(sources), sink, registry);
    }

    private Source source(List<String> feeds, List<Source.Section> sections, Duration repoll) {
        return new Source("sample", "موقع تجريبي", feeds, List.of(), sections, repoll, Optional.empty());
    }

    private void article(String path) {
        server.route(path, Response.html("<html><body><h1>" + path + "</h1><p>نص الخبر</p></body></html>"));
    }

    /** An RSS feed of the given paths, answering 304 to a request that carries its ETag. */
    private void feed(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>خبر</title><link>").append(server.url(path).replace("&", "&amp;"))
                    .append("</link></item>");
        }
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>" + items
                + "</channel></rss>";
        server.route("/feed/", request -> "\"feed-v1\"".equals(request.headers().get("if-none-match"))
                ? Response.status(304)
                : Response.of(200, "application/rss+xml; charset=UTF-8", rss).with("ETag", "\"feed-v1\""));
    }

    @Test
    void crawlsEachArticleOnceWhateverTheSpellingOfItsLinks() throws Exception {
        List.of("/2025/01/one/", "/2025/01/two/", "/2025/01/three/").forEach(this::article);
        feed("/2025/01/one/", "/2025/01/two/?utm_source=rss&utm_medium=feed", "/2025/01/three/#comments");
        server.route("/category/news/", Response.html("""
                <a href="/2025/01/one/">1</a> <a href="/2025/01/two/">2</a> <a href="/2025/01/three/">3</a>
                <a href="/category/sport/">sport</a>"""));

        try (Crawler crawler = crawler(TestSettings.fast().build(), source(List.of(server.url("/feed/")),
                List.of(new Source.Section(server.url("/category/news/"), ARTICLE_LINK)), Duration.ofMinutes(5)))) {
            CrawlReport report = crawler.crawlOnce();

            assertThat(report.discovered()).isEqualTo(3);
            assertThat(report.fetched()).isEqualTo(3);
            assertThat(report.failed()).isZero();
            assertThat(pages).extracting(RawPage::getUrl).containsExactlyInAnyOrder(
                    server.url("/2025/01/one/"), server.url("/2025/01/two/"), server.url("/2025/01/three/"));
            for (int i = 0; i < pages.size(); i++) {
                RawPage page = pages.get(i);
                assertThat(keys.get(i)).isEqualTo(ArticleKeys.of(page.getUrl()));
                assertThat(page.getFinalUrl()).isEqualTo(page.getUrl());
                assertThat(page.getSource()).isEqualTo("sample");
                assertThat(page.getStatus()).isEqualTo(200);
                assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
                assertThat(StandardCharsets.UTF_8.decode(page.getBody()).toString()).contains("نص الخبر");
            }
            for (String path : List.of("/2025/01/one/", "/2025/01/two/", "/2025/01/three/")) {
                assertThat(server.requestsTo(path)).as(path).hasSize(1);
            }
            assertThat(registry.counter(CrawlMetrics.PAGES, "site", "sample", "outcome", "fetched").count())
                    .isEqualTo(3);
            assertThat(registry.counter(CrawlMetrics.BYTES, "site", "sample").count()).isPositive();

            CrawlReport again = crawler.crawlOnce();

            assertThat(again.fetched()).isZero();
            assertThat(again.discovered()).as("the feed answers 304, the section page is the same as before").isZero();
            assertThat(registry.counter(CrawlMetrics.DISCOVERY_DOCUMENTS, "site", "sample", "outcome", "unchanged")
                    .count()).isEqualTo(1);
            assertThat(server.requestsTo("/feed/")).hasSize(2);
            assertThat(server.requestsTo("/feed/").get(1).headers()).containsEntry("if-none-match", "\"feed-v1\"");
            assertThat(pages).hasSize(3);
        }
        assertOneRequestAtATime(server.requests());
    }

    @Test
    void countsFailuresByReasonAndCarriesOnRetryingOnlyTransientOnes() throws Exception {
        article("/2025/01/ok/");
        server.route("/2025/01/huge/", Response.html("x".repeat(5000)));
        AtomicBoolean overloaded = new AtomicBoolean(true);
        server.route("/2025/01/flaky/", request -> overloaded.get() ? Response.status(503) : Response.html("ok"));
        feed("/2025/01/ok/", "/private/2025/01/secret/", "/2025/01/gone/", "/2025/01/huge/", "/2025/01/flaky/");
        CrawlerSettings settings = TestSettings.fast().maxBodyBytes(1000).maxRetries(0).build();

        try (Crawler crawler = crawler(settings, source(List.of(server.url("/feed/")), List.of(),
                Duration.ofMinutes(5)))) {
            CrawlReport report = crawler.crawlOnce();

            assertThat(report.fetched()).isEqualTo(1);
            assertThat(report.failedByReason()).isEqualTo(Map.of(
                    "robots-denied", 1, "http-error", 2, "too-large", 1));
            assertThat(registry.counter(CrawlMetrics.ROBOTS_DENIED, "site", "sample").count()).isEqualTo(1);
            assertThat(registry.counter(CrawlMetrics.FAILURES, "site", "sample", "reason", "too-large").count())
                    .isEqualTo(1);
            assertThat(server.requestsTo("/private/2025/01/secret/")).isEmpty();

            overloaded.set(false);
            CrawlReport again = crawler.crawlOnce();

            assertThat(again.discovered()).isZero();
            assertThat(again.fetched()).isEqualTo(1);
            assertThat(again.failed()).isZero();
            assertThat(server.requestsTo("/2025/01/gone/")).hasSize(1);
            assertThat(pages).extracting(RawPage::getUrl)
                    .containsExactly(server.url("/2025/01/ok/"), server.url("/2025/01/flaky/"));
        }
    }

    @Test
    void countsDiscoveryFailuresWithoutStoppingOtherSources() throws Exception {
        article("/2025/01/ok/");
        feed("/2025/01/ok/");
        server.route("/not-a-feed/", Response.html("<html>oops</html>"));
        Source broken = new Source("broken", "b", List.of(server.url("/missing-feed/"), server.url("/not-a-feed/")),
                List.of(), List.of(), Duration.ofMinutes(5), Optional.empty());

        try (Crawler crawler = crawler(TestSettings.fast().build(), broken,
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMinutes(5)))) {
            CrawlReport report = crawler.crawlOnce();

            assertThat(report.fetched()).isEqualTo(1);
            assertThat(report.discoveryFailedByReason()).isEqualTo(Map.of("http-error", 1, "unreadable", 1));
            assertThat(registry.counter(CrawlMetrics.FAILURES, "site", "broken", "reason", "unreadable").count())
                    .isEqualTo(1);
        }
    }

    @Test
    void retriesPagesTheSinkCouldNotTake() throws Exception {
        article("/2025/01/one/");
        feed("/2025/01/one/");
        AtomicInteger attempts = new AtomicInteger();
        RawPageSink failingOnce = (key, page) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("broker unavailable");
            }
            sink.accept(key, page);
        };

        try (Crawler crawler = new Crawler(TestSettings.fast().build(),
                List.of(source(List.of(server.url("/feed/")), List.of(), Duration.ofMinutes(5))), failingOnce,
                registry)) {
            assertThat(crawler.crawlOnce().failedByReason()).isEqualTo(Map.of("sink-error", 1));
            assertThat(crawler.crawlOnce().fetched()).isEqualTo(1);
        }
        assertThat(pages).hasSize(1);
    }

    @Test
    void fetchesTheNewestFirstAndLeavesWhatIsOverThePerSourceLimitForTheNextPass() throws Exception {
        List.of("/2025/01/old/", "/2025/01/newer/", "/2025/01/newest/").forEach(this::article);
        String rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
                <item><link>%s</link><pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate></item>
                <item><link>%s</link><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>
                <item><link>%s</link><pubDate>Mon, 06 Jan 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>""".formatted(server.url("/2025/01/old/"), server.url("/2025/01/newest/"),
                server.url("/2025/01/newer/"));
        server.route("/feed/", request -> request.headers().containsKey("if-none-match")
                ? Response.status(304)
                : Response.of(200, "application/rss+xml", rss).with("ETag", "\"1\""));

        try (Crawler crawler = crawler(TestSettings.fast().maxPagesPerSource(2).fetchThreads(1).build(),
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMinutes(5)))) {
            CrawlReport first = crawler.crawlOnce();

            assertThat(first.fetched()).isEqualTo(2);
            assertThat(first.deferred()).isEqualTo(1);
            assertThat(pages).extracting(RawPage::getUrl)
                    .containsExactly(server.url("/2025/01/newest/"), server.url("/2025/01/newer/"));

            CrawlReport second = crawler.crawlOnce();

            assertThat(second.fetched()).isEqualTo(1);
            assertThat(pages).extracting(RawPage::getUrl).last().isEqualTo(server.url("/2025/01/old/"));
        }
    }

    @Test
    void runForeverPollsAgainUntilClosed() throws Exception {
        article("/2025/01/one/");
        feed("/2025/01/one/");
        Crawler crawler = crawler(TestSettings.fast().build(),
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMillis(20)));
        Thread runner = new Thread(crawler::runForever, "run-forever-test");
        runner.start();

        for (int wait = 0; wait < 500 && server.requestsTo("/feed/").size() < 3; wait++) {
            Thread.sleep(10);
        }
        crawler.close();
        runner.join(5000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(server.requestsTo("/feed/").size()).isGreaterThanOrEqualTo(3);
        assertThat(server.requestsTo("/2025/01/one/")).hasSize(1);
        assertThat(pages).hasSize(1);
    }

    @Test
    void aPageStillQueuedIsNotQueuedAgainByTheNextPolls() throws Exception {
        // The articles live on another host than the feed, so that the feed is polled while their host is busy.
        String articles = "http://localhost:" + server.port();
        CountDownLatch release = new CountDownLatch(1);
        server.route("/2025/01/held/", request -> {
            release.await();
            return Response.html("<html><body><p>held</p></body></html>");
        });
        article("/2025/01/waiting/");
        AtomicBoolean firstPoll = new AtomicBoolean(true);
        server.route("/feed/", request -> {
            String held = firstPoll.getAndSet(false) ? "<item><link>" + articles + "/2025/01/held/</link></item>" : "";
            return Response.of(200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>t</title>" + held + "<item><link>" + articles + "/2025/01/waiting/</link></item>"
                    + "</channel></rss>");
        });
        Crawler crawler = crawler(TestSettings.fast().build(),
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMillis(20)));
        Thread runner = new Thread(crawler::runForever, "run-forever-test");
        runner.start();

        awaitRequests("/feed/", 4);
        double queuedWhileHeld = registry.counter(CrawlMetrics.QUEUED, "site", "sample").count();
        release.countDown();
        for (int wait = 0; wait < 500 && pages.size() < 2; wait++) {
            Thread.sleep(10);
        }
        crawler.close();
        runner.join(5000);

        assertThat(queuedWhileHeld).isEqualTo(2);
        assertThat(pages).hasSize(2);
        assertThat(server.requestsTo("/2025/01/waiting/")).hasSize(1);
    }

    /**
     * A section page that a feed also lists as an article: what the crawler learnt of it as a section page (its
     * ETag, its body's hash) must not make the article look unchanged.
     */
    @Test
    void aSectionPageThatAFeedListsAsAnArticleIsHandedOnAsOne() throws Exception {
        article("/2025/01/one/");
        server.route("/2025/01/hub/", request -> "\"hub-v1\"".equals(request.headers().get("if-none-match"))
                ? Response.status(304)
                : Response.html("<html><body><h1>خبر</h1><p>نص الخبر</p><a href=\"/2025/01/one/\">1</a></body></html>")
                        .with("ETag", "\"hub-v1\""));
        feed("/2025/01/hub/");

        try (Crawler crawler = crawler(TestSettings.fast().build(), source(List.of(server.url("/feed/")),
                List.of(new Source.Section(server.url("/2025/01/hub/"), ARTICLE_LINK)), Duration.ofMinutes(5)))) {
            assertThat(crawler.crawlOnce().fetched()).isEqualTo(2);
        }
        assertThat(pages).extracting(RawPage::getUrl)
                .containsExactlyInAnyOrder(server.url("/2025/01/hub/"), server.url("/2025/01/one/"));
    }

    /** A sitemap of the given paths, without validators, as many news sitemaps are served. */
    private String sitemap(List<String> paths) {
        StringBuilder urls = new StringBuilder();
        paths.forEach(path -> urls.append("<url><loc>").append(server.url(path)).append("</loc></url>"));
        return "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + urls
                + "</urlset>";
    }

    /**
     * News sites list a day's articles in a child sitemap that changes all day, under an index that does not change
     * and answers 304. An unchanged index still leads to its children, even after a restart, when only the
     * validators are remembered; an unchanged sitemap without validators lists nothing new and is not read again.
     */
    @Test
    void followsTheChildrenOfAnUnchangedSitemapIndex() throws Exception {
        List<String> listed = Collections.synchronizedList(new ArrayList<>(List.of("/2025/01/first/")));
        List.of("/2025/01/first/", "/2025/01/second/").forEach(this::article);
        server.route("/sitemap.xml", request -> "\"index-v1\"".equals(request.headers().get("if-none-match"))
                ? Response.status(304)
                : Response.of(200, "application/xml", "<?xml version=\"1.0\"?><sitemapindex"
                        + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                        + server.url("/news-sitemap.xml") + "</loc></sitemap></sitemapindex>").with("ETag", "\"index-v1\""));
        server.route("/news-sitemap.xml", request -> Response.of(200, "application/xml", sitemap(List.copyOf(listed))));
        CrawlStateStore states = CrawlStateStore.inMemory();
        Source source = new Source("sample", "موقع تجريبي", List.of(), List.of(server.url("/sitemap.xml")), List.of(),
                Duration.ofMinutes(5), Optional.empty());

        try (Crawler crawler = new Crawler(TestSettings.fast().build(), List.of(source), sink, registry, states,
                Frontier.inProcess())) {
            assertThat(crawler.crawlOnce().fetched()).isEqualTo(1);

            listed.add("/2025/01/second/");
            assertThat(crawler.crawlOnce().fetched()).as("the index answers 304, its child lists a new article")
                    .isEqualTo(1);
            assertThat(crawler.crawlOnce().queued()).as("nothing changed").isZero();
        }
        listed.add("/2025/01/third/");
        article("/2025/01/third/");
        try (Crawler restarted = new Crawler(TestSettings.fast().build(), List.of(source), sink, registry, states,
                Frontier.inProcess())) {
            assertThat(restarted.crawlOnce().fetched()).as("after a restart").isEqualTo(1);
        }
        assertThat(pages).extracting(RawPage::getUrl).containsExactly(server.url("/2025/01/first/"),
                server.url("/2025/01/second/"), server.url("/2025/01/third/"));
    }

    /** A feed dating its one article, with an ETag that changes with the date. */
    private void datedFeed(String path, AtomicReference<Instant> date) {
        server.route("/feed/", request -> {
            String etag = "\"" + date.get().getEpochSecond() + "\"";
            if (etag.equals(request.headers().get("if-none-match"))) {
                return Response.status(304);
            }
            return Response.of(200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>t</title><item><link>" + server.url(path) + "</link><pubDate>"
                    + DateTimeFormatter.RFC_1123_DATE_TIME.format(date.get().atOffset(ZoneOffset.UTC))
                    + "</pubDate></item></channel></rss>").with("ETag", etag);
        });
    }

    @Test
    void checksAgainWithItsValidatorsAPageTheFeedDatesAfterTheLastFetch() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("<html><body><h1>خبر</h1><p>النص الأول</p></body></html>");
        server.route("/2025/01/one/", request -> {
            String etag = body.get().contains("الأول") ? "\"v1\"" : "\"v2\"";
            return etag.equals(request.headers().get("if-none-match"))
                    ? Response.status(304)
                    : Response.html(body.get()).with("ETag", etag);
        });
        AtomicReference<Instant> listed = new AtomicReference<>(Instant.parse("2025-01-06T08:00:00Z"));
        datedFeed("/2025/01/one/", listed);
        CrawlStateStore states = CrawlStateStore.inMemory();

        try (Crawler crawler = new Crawler(TestSettings.fast().build(), List.of(source(List.of(server.url("/feed/")),
                List.of(), Duration.ofMinutes(5))), sink, registry, states, Frontier.inProcess())) {
            assertThat(crawler.crawlOnce().fetched()).isEqualTo(1);
            assertThat(states.get(server.url("/2025/01/one/"))).hasValueSatisfying(state -> {
                assertThat(state.getOutcome()).isEqualTo(CrawlOutcome.FETCHED);
                assertThat(state.getEtag()).isEqualTo("\"v1\"");
                assertThat(state.getContentHash()).hasSize(64);
            });

            listed.set(Instant.now().plusSeconds(60));
            CrawlReport unchanged = crawler.crawlOnce();

            assertThat(unchanged.queued()).isEqualTo(1);
            assertThat(unchanged.fetched()).isZero();
            assertThat(unchanged.notModified()).isEqualTo(1);
            assertThat(server.requestsTo("/2025/01/one/")).last()
                    .satisfies(request -> assertThat(request.headers()).containsEntry("if-none-match", "\"v1\""));

            body.set("<html><body><h1>خبر</h1><p>النص المعدل</p></body></html>");
            listed.set(Instant.now().plusSeconds(120));
            CrawlReport changed = crawler.crawlOnce();

            assertThat(changed.fetched()).isEqualTo(1);
            assertThat(pages).hasSize(2);
            assertThat(StandardCharsets.UTF_8.decode(pages.get(1).getBody()).toString()).contains("المعدل");
            assertThat(crawler.crawlOnce().queued()).as("the feed has not changed").isZero();
        }
        assertThat(server.requestsTo("/2025/01/one/")).hasSize(3);
    }

    @Test
    void aPageRefusedForGoodIsNotTriedAgainEvenWhenTheFeedDatesItAnew() throws Exception {
        AtomicReference<Instant> listed = new AtomicReference<>(Instant.parse("2025-01-06T08:00:00Z"));
        datedFeed("/2025/01/gone/", listed);

        try (Crawler crawler = crawler(TestSettings.fast().build(),
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMinutes(5)))) {
            assertThat(crawler.crawlOnce().failedByReason()).isEqualTo(Map.of("http-error", 1));
            listed.set(Instant.now().plusSeconds(60));
            assertThat(crawler.crawlOnce().skippedAsSeen()).isEqualTo(1);
        }
        assertThat(server.requestsTo("/2025/01/gone/")).hasSize(1);
    }

    @Test
    void countsBotBlocksAndWhenEachSiteLastAnswered() throws Exception {
        server.route("/2025/01/blocked/", Response.status(403));
        article("/2025/01/ok/");
        feed("/2025/01/blocked/", "/2025/01/ok/");

        try (Crawler crawler = crawler(TestSettings.fast().build(),
                source(List.of(server.url("/feed/")), List.of(), Duration.ofMinutes(5)))) {
            crawler.crawlOnce();
        }
        assertThat(registry.counter(CrawlMetrics.BLOCKED, "site", "sample", "status", "403").count()).isEqualTo(1);
        assertThat(registry.get(CrawlMetrics.LAST_SUCCESS).tag("site", "sample").gauge().value())
                .isGreaterThan(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void appliesAnEditedListOfSourcesAtTheNextPoll() throws Exception {
        article("/2025/01/one/");
        article("/2025/01/two/");
        feed("/2025/01/one/");
        server.route("/other-feed/", Response.of(200, "application/rss+xml", "<?xml version=\"1.0\"?><rss "
                + "version=\"2.0\"><channel><title>t</title><item><link>" + server.url("/2025/01/two/")
                + "</link></item></channel></rss>"));
        Source first = source(List.of(server.url("/feed/")), List.of(), Duration.ofMillis(20));
        Source added = new Source("other", "آخر", List.of(server.url("/other-feed/")), List.of(), List.of(),
                Duration.ofMillis(20), Optional.empty());
        Crawler crawler = crawler(TestSettings.fast().build(), first);
        Thread runner = new Thread(crawler::runForever, "sources-update-test");
        runner.start();
        try {
            awaitRequests("/feed/", 1);
            crawler.updateSources(List.of(added));
            awaitRequests("/2025/01/two/", 1);
            int feedPolls = server.requestsTo("/feed/").size();
            awaitRequests("/other-feed/", 3);
            assertThat(server.requestsTo("/feed/").size()).as("the removed source is polled no more")
                    .isLessThanOrEqualTo(feedPolls + 1);
        } finally {
            crawler.close();
            runner.join(5000);
        }
        assertThat(pages).extracting(RawPage::getSource).contains("other");
    }

    private void awaitRequests(String path, int count) throws InterruptedException {
        for (int wait = 0; wait < 1000 && server.requestsTo(path).size() < count; wait++) {
            Thread.sleep(10);
        }
        assertThat(server.requestsTo(path)).as("requests to %s", path).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void assertOneRequestAtATime(List<Request> requests) {
        List<Request> byStart = requests.stream().sorted(Comparator.comparingLong(Request::startedNanos)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(byStart.get(i).startedNanos()).as("%s began after %s was answered",
                    byStart.get(i).path(), byStart.get(i - 1).path())
                    .isGreaterThan(byStart.get(i - 1).answeredNanos());
        }
    }
}
