package io.akhbar.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.ingest.fetch.FetchResult;
import io.akhbar.ingest.fetch.HttpFetcher;
import io.akhbar.ingest.fetch.LocalWebServer;
import io.akhbar.ingest.fetch.LocalWebServer.Response;
import io.akhbar.ingest.fetch.TestSettings;
import io.akhbar.ingest.fetch.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1. */
class FeedDiscoveryTest {
    private LocalWebServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void startServer() throws IOException {
        server = LocalWebServer.start();
        fetcher = new HttpFetcher(TestSettings.fast().build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private FeedDiscovery discovery(int maxSitemapDepth) {
        return new FeedDiscovery(url -> fetcher.fetch(url, Validators.NONE), new UrlCanonicalizer(),
                maxSitemapDepth, new SitemapIndexes());
    }

    @Test
    void readsRssItemsCanonicalWithTheirDates() throws Exception {
        server.route("/feed/", Response.of(200, "application/rss+xml; charset=UTF-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>طيف بوست</title>
                  <item><title>خبر أول</title><link>%s?utm_source=rss&amp;utm_medium=rss</link>
                    <pubDate>Mon, 06 Jan 2025 10:00:00 +0200</pubDate></item>
                  <item><title>خبر ثان</title><link>%s</link></item>
                </channel></rss>""".formatted(server.url("/2025/01/first/"), server.url("/2025/01/second/"))));

        FeedDiscovery.Result result = discovery(3).discover(server.url("/feed/"), "taif");

        assertThat(result.urls()).containsExactly(
                new DiscoveredUrl(server.url("/2025/01/first/"), "taif",
                        Optional.of(Instant.parse("2025-01-06T08:00:00Z"))),
                new DiscoveredUrl(server.url("/2025/01/second/"), "taif", Optional.empty()));
        assertThat(result.unreadable()).isEmpty();
    }

    @Test
    void readsAtomEntries() throws Exception {
        server.route("/atom.xml", Response.of(200, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>عنب بلدي</title>
                  <entry><title>خبر</title><link href="%s"/><updated>2025-01-06T10:00:00Z</updated></entry>
                </feed>""".formatted(server.url("/news/1"))));

        FeedDiscovery.Result result = discovery(3).discover(server.url("/atom.xml"), "enab");

        assertThat(result.urls()).extracting(DiscoveredUrl::url).containsExactly(server.url("/news/1"));
    }

    @Test
    void followsSitemapIndexesToSitemapsAndNewsSitemaps() throws Exception {
        server.route("/sitemap_index.xml", Response.of(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc></sitemap>
                  <sitemap><loc>%s</loc></sitemap>
                  <sitemap><loc>%s</loc></sitemap>
                </sitemapindex>""".formatted(server.url("/post-sitemap.xml"), server.url("/news-sitemap.xml"),
                server.url("/sitemap_index.xml"))));
        server.route("/post-sitemap.xml", Response.of(200, "text/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc><lastmod>2024-12-31T23:00:00+00:00</lastmod></url>
                </urlset>""".formatted(server.url("/2024/12/old/"))));
        server.route("/news-sitemap.xml", Response.of(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>%s</loc><lastmod>2025-01-07T00:00:00Z</lastmod>
                    <news:news><news:publication><news:name>عنب بلدي</news:name><news:language>ar</news:language>
                      </news:publication><news:publication_date>2025-01-06T09:30:00+00:00</news:publication_date>
                      <news:title>خبر</news:title></news:news></url>
                </urlset>""".formatted(server.url("/2025/01/fresh/"))));

        FeedDiscovery.Result result = discovery(3).discover(server.url("/sitemap_index.xml"), "enab");

        assertThat(result.urls()).containsExactly(
                new DiscoveredUrl(server.url("/2024/12/old/"), "enab",
                        Optional.of(Instant.parse("2024-12-31T23:00:00Z"))),
                new DiscoveredUrl(server.url("/2025/01/fresh/"), "enab",
                        Optional.of(Instant.parse("2025-01-06T09:30:00Z"))));
        assertThat(server.requestsTo("/sitemap_index.xml")).hasSize(1);
    }

    @Test
    void stopsAtTheDepthLimit() throws Exception {
        server.route("/index.xml", Response.of(200, "application/xml", """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(server.url("/nested.xml"))));
        server.route("/nested.xml", Response.of(200, "application/xml", """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(server.url("/leaf.xml"))));
        server.route("/leaf.xml", Response.of(200, "application/xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc></url></urlset>""".formatted(server.url("/a/"))));

        assertThat(discovery(1).discover(server.url("/index.xml"), "s").urls()).isEmpty();
        assertThat(server.requestsTo("/leaf.xml")).isEmpty();
        assertThat(discovery(2).discover(server.url("/index.xml"), "s").urls()).hasSize(1);
    }

    @Test
    void reportsDocumentsThatAreNeitherFeedNorSitemap() throws Exception {
        server.route("/feed/", Response.html("<html><body>Not found, sorry</body></html>"));

        FeedDiscovery.Result result = discovery(3).discover(server.url("/feed/"), "taif");

        assertThat(result.urls()).isEmpty();
        assertThat(result.unreadable()).containsExactly(server.url("/feed/"));
    }

    @Test
    void findsNothingInAnUnchangedFeed() throws Exception {
        FeedDiscovery unchanged = new FeedDiscovery(url -> new FetchResult.NotModified(url, url),
                new UrlCanonicalizer(), 3, new SitemapIndexes());

        assertThat(unchanged.discover("https://news.example.com/feed/", "taif").urls()).isEmpty();
    }

    /**
     * An index answering 304 is read whole once, when nothing is known of it (a restarted crawler); after that its
     * remembered children are walked without reading it again.
     */
    @Test
    void walksTheChildrenOfAnUnchangedIndexFromMemory() throws Exception {
        String index = "https://news.example.com/sitemap.xml";
        String child = "https://news.example.com/news-sitemap.xml";
        List<String> wholeFetches = new ArrayList<>();
        DocumentFetcher fetcher = new DocumentFetcher() {
            @Override
            public FetchResult fetch(String url) {
                return url.equals(index) ? new FetchResult.NotModified(url, url) : xml(url, """
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <url><loc>https://news.example.com/2025/01/one/</loc></url></urlset>""");
            }

            @Override
            public FetchResult fetchWhole(String url) {
                wholeFetches.add(url);
                return xml(url, """
                        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(child));
            }
        };
        FeedDiscovery discovery = new FeedDiscovery(fetcher, new UrlCanonicalizer(), 3, new SitemapIndexes());

        for (int poll = 0; poll < 2; poll++) {
            assertThat(discovery.discover(index, "taif").urls()).extracting(DiscoveredUrl::url)
                    .containsExactly("https://news.example.com/2025/01/one/");
        }
        assertThat(wholeFetches).containsExactly(index);
    }

    /**
     * An index of daily archives: a child whose date in the index is the one it had when last read is not fetched
     * again; a child whose date changed, or that has none, is.
     */
    @Test
    void fetchesOnlyTheChildrenThatTheIndexDatesAnew() throws Exception {
        String index = "https://news.example.com/sitemap.xml";
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("https://news.example.com/2025-01-05.xml", "<lastmod>2025-01-05T23:59:00Z</lastmod>");
        dates.put("https://news.example.com/2025-01-06.xml", "<lastmod>2025-01-06T10:00:00Z</lastmod>");
        dates.put("https://news.example.com/news.xml", "");
        List<String> fetched = new ArrayList<>();
        DocumentFetcher fetcher = url -> {
            fetched.add(url);
            if (url.equals(index)) {
                StringBuilder children = new StringBuilder();
                dates.forEach((child, date) -> children.append("<sitemap><loc>").append(child).append("</loc>")
                        .append(date).append("</sitemap>"));
                return xml(url, "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + children
                        + "</sitemapindex>");
            }
            return xml(url, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                    + url.replace(".xml", "/") + "</loc></url></urlset>");
        };
        FeedDiscovery discovery = new FeedDiscovery(fetcher, new UrlCanonicalizer(), 3, new SitemapIndexes());

        assertThat(discovery.discover(index, "taif").urls()).hasSize(3);
        assertThat(fetched).hasSize(4);

        fetched.clear();
        discovery.discover(index, "taif");
        assertThat(fetched).containsExactly(index, "https://news.example.com/news.xml");

        fetched.clear();
        dates.put("https://news.example.com/2025-01-06.xml", "<lastmod>2025-01-06T11:00:00Z</lastmod>");
        discovery.discover(index, "taif");
        assertThat(fetched).containsExactly(index, "https://news.example.com/2025-01-06.xml",
                "https://news.example.com/news.xml");
    }

    /**
     * An index that lists a second index under a date that never changes: the second one is walked all the same,
     * as its date says nothing of the sitemaps it lists.
     */
    @Test
    void walksANestedIndexWhateverItsDate() throws Exception {
        String index = "https://news.example.com/sitemap.xml";
        String nested = "https://news.example.com/news-index.xml";
        AtomicReference<String> newsDate = new AtomicReference<>("2025-01-06T10:00:00Z");
        List<String> fetched = new ArrayList<>();
        DocumentFetcher fetcher = url -> {
            fetched.add(url);
            String sitemapIndex = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>%s"
                    + "</loc><lastmod>%s</lastmod></sitemap></sitemapindex>";
            if (url.equals(index)) {
                return xml(url, sitemapIndex.formatted(nested, "2024-01-01T00:00:00Z"));
            }
            if (url.equals(nested)) {
                return xml(url, sitemapIndex.formatted("https://news.example.com/news.xml", newsDate.get()));
            }
            return xml(url, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                    + "https://news.example.com/2025/01/one/</loc></url></urlset>");
        };
        FeedDiscovery discovery = new FeedDiscovery(fetcher, new UrlCanonicalizer(), 3, new SitemapIndexes());

        discovery.discover(index, "taif");
        fetched.clear();
        newsDate.set("2025-01-06T11:00:00Z");
        discovery.discover(index, "taif");

        assertThat(fetched).containsExactly(index, nested, "https://news.example.com/news.xml");
    }

    private static FetchResult xml(String url, String body) {
        return new FetchResult.Fetched(url, url, 200, Map.of("content-type", "application/xml"),
                body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
