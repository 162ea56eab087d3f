package io.akhbar.localstack.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleSiteTest {
    private static final String LEGACY_CHARSET_PAGE = "/news/2020/10/15/erdogan-putin-political-process-momentum.html";
    /** In-body "read also" links point at stories outside the sample; they must stay dead, or there is a 7th article. */
    private static final Pattern READ_ALSO = Pattern.compile("اقرأ أيضاً:(?:</strong>)?\\s*<a href=\"([^\"]+)\"");
    private static final Pattern CHARSET = Pattern.compile("charset=([^;\\s]+)");
    private static final Pattern FEED_ITEM_LINK = Pattern.compile("<item>.*?<link>([^<]+)</link>", Pattern.DOTALL);
    private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>([^<]+)</loc>");

    private static SampleSite site;
    private static HttpClient http;

    @BeforeAll
    static void startSite() {
        site = SampleSite.start();
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void everyPageLinkedOnAnOutletAnswersWithItsContentType() throws Exception {
        for (OutletDefinition definition : OutletDefinition.ALL) {
            String baseUrl = baseUrlOf(definition);
            Crawl crawl = crawl(definition, baseUrl);

            assertThat(crawl.pages).isNotEmpty();
            crawl.pages.forEach((url, response) -> {
                assertThat(response.statusCode()).as(url).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(url)
                        .contains(expectedContentType(definition, URI.create(url).getPath()));
                assertThat(response.headers().firstValue("ETag")).as(url).isPresent();
                assertThat(response.headers().firstValue("Last-Modified")).as(url).isPresent();
            });
            assertThat(crawl.pages.keySet()).as(definition.id())
                    .containsAll(definition.articlePaths().stream().map(path -> baseUrl + path).toList())
                    .contains(baseUrl + definition.sectionPath());
            assertThat(crawl.readAlsoLinks).as(definition.id()).isNotEmpty();
            for (String deadLink : crawl.readAlsoLinks) {
                assertThat(get(deadLink).statusCode()).as(deadLink).isEqualTo(404);
            }
        }
    }

    @Test
    void feedsAndSitemapsListTheArticlesByUrlsThatAnswer() throws Exception {
        Set<String> allArticles = new LinkedHashSet<>();
        for (OutletDefinition definition : OutletDefinition.ALL) {
            String baseUrl = baseUrlOf(definition);
            List<String> expected = definition.articlePaths().stream().map(path -> baseUrl + path).toList();

            List<String> feedLinks = matches(FEED_ITEM_LINK, text(get(baseUrl + definition.feedPath())));
            List<String> sitemapLocs = sitemapLocs(baseUrl + definition.sitemapPaths().get(0));
            for (String url : concat(feedLinks, sitemapLocs)) {
                assertThat(get(url).statusCode()).as(url).isEqualTo(200);
            }
            assertThat(feedLinks.stream().map(SampleSiteTest::withoutQuery)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(sitemapLocs).containsExactlyInAnyOrderElementsOf(expected);
            allArticles.addAll(expected);
        }
        assertThat(allArticles).hasSize(site.articleCount()).hasSize(6);
    }

    @Test
    void oneFeedItemCarriesTrackingParametersOnAUrlThatServesTheSamePage() throws Exception {
        String taif = baseUrlOf(OutletDefinition.TAIF);
        List<String> tracked = concat(
                matches(FEED_ITEM_LINK, text(get(taif + OutletDefinition.TAIF.feedPath()))),
                matches(FEED_ITEM_LINK, text(get(baseUrlOf(OutletDefinition.WIRE) + OutletDefinition.WIRE.feedPath()))))
                .stream().filter(url -> url.contains("?")).toList();

        assertThat(tracked).containsExactly(taif + "/2024/12/urgent-erdogan-putin-talks-syria/?utm_source=rss&utm_medium=feed");
        assertThat(get(tracked.get(0)).headers().firstValue("ETag"))
                .isEqualTo(get(withoutQuery(tracked.get(0))).headers().firstValue("ETag"));
    }

    @Test
    void conditionalRequestsAnswerNotModified() throws Exception {
        String article = baseUrlOf(OutletDefinition.TAIF) + OutletDefinition.TAIF.articlePaths().get(0);
        HttpResponse<byte[]> first = get(article);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> sameEtag = get(article, "If-None-Match", etag);
        assertThat(sameEtag.statusCode()).isEqualTo(304);
        assertThat(sameEtag.body()).isEmpty();
        assertThat(get(article, "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get(article, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(article, "If-None-Match", "\"another\"").statusCode()).isEqualTo(200);
        assertThat(get(article, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void theLegacyPageGoesOutInWindows1256() throws Exception {
        HttpResponse<byte[]> response = get(baseUrlOf(OutletDefinition.WIRE) + LEGACY_CHARSET_PAGE);

        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=windows-1256");
        String page = new String(response.body(), Charset.forName("windows-1256"));
        assertThat(page)
                .contains("<meta charset=\"windows-1256\">")
                .contains("<h1 class=\"article-title\">أردوغان يؤكد لبوتين ضرورة الحفاظ على زخم عملية الحل السياسي للأزمة السورية</h1>")
                .contains("“أردوغان وبوتين أجريا اتصالا هاتفيا، أمس الأربعاء، 14 من تشرين الأول");
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(response.body())))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void pathsTheSiteDoesNotPublishAnswerNotFound() throws Exception {
        String taif = baseUrlOf(OutletDefinition.TAIF);
        assertThat(get(taif + "/no-such-page/").statusCode()).isEqualTo(404);
        assertThat(get(taif + "/category/syria").statusCode()).as("directory without its slash").isEqualTo(404);
        assertThat(get(taif + "/feed/index.xml/").statusCode()).isEqualTo(404);
        assertThat(get(baseUrlOf(OutletDefinition.WIRE) + "/../taif/robots.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfWpAdminOnly() throws Exception {
        for (OutletDefinition definition : OutletDefinition.ALL) {
            String robots = text(get(baseUrlOf(definition) + "/robots.txt"));
            assertThat(robots).contains("User-agent: *", "Disallow: /wp-admin/").doesNotContain("Crawl-delay");
            assertThat(robots.lines().filter(line -> line.startsWith("Disallow:"))).containsExactly("Disallow: /wp-admin/");
        }
    }

    @Test
    void sourcesYamlPointsAtBothOutlets() {
        String yaml = site.sourcesYaml();
        String taif = baseUrlOf(OutletDefinition.TAIF);
        String wire = baseUrlOf(OutletDefinition.WIRE);

        assertThat(site.outlets()).extracting(Outlet::id).containsExactly("taif", "wire");
        assertThat(yaml).startsWith("sources:\n").contains(
                "  - id: taif\n    name: طيف بوست (sample)\n",
                "    feeds: [\"" + taif + "/feed/\"]\n",
                "    sitemaps: [\"" + taif + "/sitemap.xml\"]\n",
                "      - url: \"" + taif + "/category/syria/\"\n        linkPattern: \"/20\\\\d\\\\d/\\\\d\\\\d/[^/]+/$\"\n",
                "  - id: wire\n",
                "    feeds: [\"" + wire + "/rss.xml\"]\n",
                "    sitemaps: [\"" + wire + "/sitemap_index.xml\"]\n",
                "      - url: \"" + wire + "/syria/\"\n",
                "    repoll: PT5M\n");
    }

    /** Follows every same-outlet URL in pages, feeds, sitemaps and robots.txt, from the outlet's entry points. */
    private static Crawl crawl(OutletDefinition definition, String baseUrl) throws Exception {
        Pattern sameOutletUrl = Pattern.compile(
                "(?:(?:href|src|content)=[\"']|<loc>|<link>|Sitemap: )(" + Pattern.quote(baseUrl) + "(?:/[^\"'<\\s]*)?)");
        Crawl crawl = new Crawl();
        Deque<String> queue = new ArrayDeque<>(List.of(baseUrl + "/", baseUrl + "/robots.txt",
                baseUrl + definition.feedPath(), baseUrl + definition.sectionPath()));
        definition.sitemapPaths().forEach(path -> queue.add(baseUrl + path));
        while (!queue.isEmpty()) {
            String url = queue.poll();
            if (crawl.pages.containsKey(url)) {
                continue;
            }
            HttpResponse<byte[]> response = get(url);
            crawl.pages.put(url, response);
            if (charsetOf(response) == null) {
                continue;
            }
            String text = text(response);
            crawl.readAlsoLinks.addAll(matches(READ_ALSO, text));
            for (String link : matches(sameOutletUrl, text)) {
                String page = link.replace("&amp;", "&").replace("&#038;", "&").replaceFirst("#.*", "");
                String normalised = page.equals(baseUrl) ? baseUrl + "/" : page;
                if (!crawl.readAlsoLinks.contains(normalised)) {
                    queue.add(normalised);
                }
            }
        }
        return crawl;
    }

    private static final class Crawl {
        final Map<String, HttpResponse<byte[]>> pages = new LinkedHashMap<>();
        final Set<String> readAlsoLinks = new LinkedHashSet<>();
    }

    private static String expectedContentType(OutletDefinition definition, String path) {
        if (path.equals(definition.feedPath())) {
            return "application/rss+xml; charset=utf-8";
        }
        if (path.equals(LEGACY_CHARSET_PAGE)) {
            return "text/html; charset=windows-1256";
        }
        if (path.endsWith(".xml")) {
            return "application/xml; charset=utf-8";
        }
        if (path.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".jpg")) {
            return "image/jpeg";
        }
        return "text/html; charset=utf-8";
    }

    private static List<String> sitemapLocs(String sitemapUrl) throws Exception {
        String sitemap = text(get(sitemapUrl));
        List<String> locs = matches(SITEMAP_LOC, sitemap);
        if (!sitemap.contains("<sitemapindex")) {
            return locs;
        }
        List<String> pages = new ArrayList<>();
        for (String child : locs) {
            pages.addAll(sitemapLocs(child));
        }
        return pages;
    }

    private static String baseUrlOf(OutletDefinition definition) {
        return site.outlets().stream().filter(outlet -> outlet.id().equals(definition.id()))
                .findFirst().orElseThrow().baseUrl();
    }

    private static HttpResponse<byte[]> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String charsetOf(HttpResponse<byte[]> response) {
        Matcher charset = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        return charset.find() ? charset.group(1) : null;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), Charset.forName(charsetOf(response)));
    }

    private static List<String> matches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1).replace("&amp;", "&")).toList();
    }

    private static String withoutQuery(String url) {
        return url.replaceFirst("\\?.*", "");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
