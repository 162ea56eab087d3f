package io.akhbar.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // scheme, host, port, path
            "HTTPS://News.Example.COM/a/b | https://news.example.com/a/b",
            "http://news.example.com:80/a | http://news.example.com/a",
            "https://news.example.com:443/a | https://news.example.com/a",
            "https://news.example.com:8443/a | https://news.example.com:8443/a",
            "https://news.example.com | https://news.example.com/",
            "https://news.example.com/a/./b/../c | https://news.example.com/a/c",
            "https://news.example.com/%7Eeditor/%d8%ae | https://news.example.com/~editor/%D8%AE",
            // fragments
            "https://news.example.com/a#comments | https://news.example.com/a",
            "https://news.example.com/a?x=1#top | https://news.example.com/a?x=1",
            // tracking parameters
            "https://news.example.com/a?utm_source=rss&utm_medium=feed | https://news.example.com/a",
            "https://news.example.com/a?UTM_Campaign=x&id=5 | https://news.example.com/a?id=5",
            "https://news.example.com/a?fbclid=IwAR0&gclid=Cj0&mc_cid=1&mc_eid=2&_ga=3 | https://news.example.com/a",
            "https://news.example.com/a?ref=twitter&ref_src=twsrc&p=7 | https://news.example.com/a?p=7",
            "https://news.example.com/a?reference=keep | https://news.example.com/a?reference=keep",
            // remaining parameters sorted by name, repeated ones in their order
            "https://news.example.com/?z=1&a=2&m=3 | https://news.example.com/?a=2&m=3&z=1",
            "https://news.example.com/?tag=b&id=1&tag=a | https://news.example.com/?id=1&tag=b&tag=a",
            "https://news.example.com/?p=1&&utm_source=x& | https://news.example.com/?p=1",
            "https://news.example.com/a? | https://news.example.com/a",
            // the crawler-commons 1.4 query bug this class works around
            "https://news.example.com/%7Ea?z=1&utm_source=x&b=2 | https://news.example.com/~a?b=2&z=1",
            // Arabic paths and queries, raw or escaped, come out escaped alike
            "https://news.example.com/أخبار/سوريا/ | https://news.example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/",
            "https://news.example.com/بحث?q=دمشق | https://news.example.com/%D8%A8%D8%AD%D8%AB?q=%D8%AF%D9%85%D8%B4%D9%82",
            "https://news.example.com/?q=%d8%af%41 | https://news.example.com/?q=%D8%AFA",
            // internationalised host names in punycode
            "https://أخبار.example/خبر | https://xn--igbicxr.example/%D8%AE%D8%A8%D8%B1",
    })
    void givesEveryUrlOneSpelling(String url, String canonical) {
        assertThat(canonicalizer.canonicalize(url)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://news.example.com/a", "mailto:desk@news.example.com", "javascript:void(0)",
            "/relative/path", "not a url", ""})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(canonicalizer.canonicalize(url)).isEmpty();
    }
}
