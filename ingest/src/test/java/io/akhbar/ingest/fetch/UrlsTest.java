package io.akhbar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://news.test/خبر/?q=سوريا | https://news.test/%D8%AE%D8%A8%D8%B1/?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7",
            "https://news.test/a b | https://news.test/a%20b",
            "https://news.test/%D8%AE | https://news.test/%D8%AE",
            "https://news.test/100% | https://news.test/100%25",
            "https://news.test/?a=1&b=[x] | https://news.test/?a=1&b=[x]",
    })
    void escapesOnlyWhatAUriMayNotContain(String raw, String escaped) {
        assertThat(Urls.escapeIllegalCharacters(raw)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://news.test/a/b | c | https://news.test/a/c",
            "https://news.test/a/b | /c#top | https://news.test/c",
            "https://news.test | c | https://news.test/c",
            "https://news.test/a | //other.test/x | https://other.test/x",
            "https://news.test/a | https://other.test/خبر | https://other.test/%D8%AE%D8%A8%D8%B1",
    })
    void resolvesLocationsAgainstTheUrlThatSentThem(String base, String location, String resolved)
            throws Exception {
        assertThat(Urls.resolve(URI.create(base), location).toString()).isEqualTo(resolved);
    }
}
