package io.akhbar.ingest.extract;

import io.akhbar.ingest.fetch.FetchResult;
import io.akhbar.ingest.fetch.HttpFetcher;
import io.akhbar.ingest.fetch.TestSettings;
import io.akhbar.ingest.fetch.Validators;
import io.akhbar.localstack.site.HostileSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages of the hostile site as the crawler fetches them, through the extractor. */
class HostilePagesExtractionTest {
    private static HostileSite site;
    private static HttpFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();

    @BeforeAll
    static void start() {
        site = HostileSite.start(HostileSite.loopback(1));
        fetcher = new HttpFetcher(TestSettings.fast().build());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static FetchResult.Fetched fetch(String path) throws InterruptedException {
        return (FetchResult.Fetched) fetcher.fetch(site.url(path), Validators.NONE);
    }

    private ExtractedPage extract(String path) throws InterruptedException {
        FetchResult.Fetched page = fetch(path);
        return extractor.extract(page.body(), page.contentType().orElse(null), page.finalUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {HostileSite.MARKUP_TRAPS, HostileSite.CHARSET_IN_HEADER, HostileSite.CHARSET_IN_META,
            HostileSite.CHARSET_UNDECLARED, HostileSite.CHARSET_MIXED})
    void honestArticlesComeOutWordForWord(String path) throws Exception {
        ExtractedPage page = extract(path);

        assertThat(page.isArticle()).isTrue();
        assertThat(page.title()).isEqualTo(HostileSite.TITLES.get(path));
        assertThat(normalizedSpaces(page.paragraphs())).containsSubsequence(HostileSite.READABLE.get(path));
    }

    @Test
    void noScriptStyleOrMarkupSurvivesAndEntitiesAreCharacters() throws Exception {
        ExtractedPage page = extract(HostileSite.MARKUP_TRAPS);
        String text = page.title() + "\n" + String.join("\n", page.paragraphs());

        assertThat(text).doesNotContain("<", ">", "alert", "javascript", "onerror", "color: red", "&quot;", "&amp;",
                "&#", "&nbsp;", "حقن نص عبر السكربت", "نص من الأنماط", "فعّل جافاسكربت");
        assertThat(text).contains("\"الناشرين\" & القراء");
    }

    @Test
    void aPageMislabelledAsUtf8IsReadAsItsBytesSay() throws Exception {
        ExtractedPage page = extract(HostileSite.CHARSET_MISLABELLED);

        assertThat(page.title()).isEqualTo(HostileSite.TITLES.get(HostileSite.CHARSET_IN_HEADER));
    }

    @Test
    void binaryServedAsHtmlIsRefusedWithItsReason() throws Exception {
        FetchResult.Fetched page = fetch(HostileSite.BINARY);

        assertThatThrownBy(() -> extractor.extract(page.body(), page.contentType().orElse(null), page.finalUrl()))
                .isInstanceOf(ExtractionException.class).hasMessageStartingWith("not HTML");
    }

    @Test
    void aPageWithTenThousandLinksIsStillAnArticle() throws Exception {
        ExtractedPage page = extract(HostileSite.TEN_THOUSAND_LINKS);

        assertThat(page.isArticle()).isTrue();
        assertThat(page.paragraphs()).containsSubsequence(HostileSite.READABLE.get(HostileSite.CHARSET_IN_HEADER));
    }

    @Test
    void elementsNestedAHundredThousandDeepDoNotOverflowTheStack() throws Exception {
        ExtractedPage page = extract(HostileSite.DEEPLY_NESTED);

        assertThat(page.title()).isEqualTo(HostileSite.TITLES.get(HostileSite.CHARSET_IN_HEADER));
        assertThat(page.paragraphs()).containsExactly(HostileSite.READABLE.get(HostileSite.CHARSET_IN_HEADER).get(0));
    }

    private static List<String> normalizedSpaces(List<String> paragraphs) {
        return paragraphs.stream().map(p -> p.replace('\u00a0', ' ')).toList();
    }
}
