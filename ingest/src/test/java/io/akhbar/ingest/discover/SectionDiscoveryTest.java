package io.akhbar.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.ingest.fetch.FetchResult;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SectionDiscoveryTest {
    private static final Pattern ARTICLE = Pattern.compile("/20\\d\\d/\\d\\d/[^/]+/$");
    private static final String SECTION = "https://news.example.com/category/syria/";

    private final SectionDiscovery discovery = new SectionDiscovery(url -> {
        throw new AssertionError("not fetched in this test");
    }, new UrlCanonicalizer());

    @Test
    void keepsLinksOnTheSameHostThatMatchThePatternAbsolutisedAndCanonical() {
        String html = """
                <html><body>
                  <a href="/2025/01/first-story/">relative</a>
                  <a href="https://news.example.com/2025/01/second-story/?utm_source=home">tracked</a>
                  <a href="../../2024/12/third-story/#comments">up and fragment</a>
                  <a href="/2025/01/first-story/">again</a>
                  <a href="https://other.example.com/2025/01/elsewhere/">other host</a>
                  <a href="/category/politics/">another section</a>
                  <a href="/2025/01/first-story/feed/">not an article</a>
                  <a>no href</a>
                </body></html>""";

        assertThat(discovery.articleLinks(SECTION, html.getBytes(StandardCharsets.UTF_8), "text/html", ARTICLE))
                .containsExactly(
                        "https://news.example.com/2025/01/first-story/",
                        "https://news.example.com/2025/01/second-story/",
                        "https://news.example.com/2024/12/third-story/");
    }

    @Test
    void readsLegacyArabicCharsetsFromHeaderOrMeta() {
        Charset windows1256 = Charset.forName("windows-1256");
        Pattern arabicSlug = Pattern.compile("/أخبار/\\d+$");
        byte[] viaHeader = "<a href='/أخبار/1'>خبر</a>".getBytes(windows1256);
        byte[] viaMeta = "<html><head><meta charset='windows-1256'></head><body><a href='/أخبار/2'>خبر</a>"
                .getBytes(windows1256);

        assertThat(discovery.articleLinks(SECTION, viaHeader, "text/html; charset=windows-1256", arabicSlug))
                .containsExactly("https://news.example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1");
        assertThat(discovery.articleLinks(SECTION, viaMeta, "text/html", arabicSlug))
                .containsExactly("https://news.example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2");
    }

    @Test
    void fetchesTheSectionPageThroughTheGivenFetcher() throws Exception {
        byte[] html = "<a href='/2025/02/story/'>s</a>".getBytes(StandardCharsets.UTF_8);
        SectionDiscovery fetching = new SectionDiscovery(url -> new FetchResult.Fetched(url, url, 200,
                Map.of("content-type", "text/html"), html, Instant.EPOCH), new UrlCanonicalizer());

        assertThat(fetching.discover(SECTION, ARTICLE, "taif"))
                .containsExactly(new DiscoveredUrl("https://news.example.com/2025/02/story/", "taif",
                        Optional.empty()));
    }
}
