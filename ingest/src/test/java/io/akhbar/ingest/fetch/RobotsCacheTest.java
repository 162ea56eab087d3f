package io.akhbar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsCacheTest {
    private static final String USER_AGENT = "AkhbarBot/0.1 (+https://github.com/akhbar)";
    private static final URI PAGE = URI.create("https://news.test/2025/01/article/");

    private final MutableClock clock = new MutableClock();
    private final List<String> downloads = new ArrayList<>();

    private RobotsCache cacheAnswering(FetchResult answer) {
        return new RobotsCache(url -> {
            downloads.add(url);
            return answer;
        }, USER_AGENT, Duration.ofHours(24), Duration.ofMinutes(10), clock);
    }

    private static FetchResult robotsTxt(String content) {
        return new FetchResult.Fetched("https://news.test/robots.txt", "https://news.test/robots.txt", 200,
                Map.of("content-type", "text/plain"), content.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }

    private static FetchResult failure(FailureReason reason, int status) {
        return new FetchResult.Failed("https://news.test/robots.txt", reason, status, "test");
    }

    @Test
    void readsRulesAndCrawlDelayForOurAgentAndKeepsThemUntilTheyExpire() throws Exception {
        RobotsCache cache = cacheAnswering(robotsTxt("User-agent: akhbarbot\nCrawl-delay: 2\nDisallow: /2025/\n"));

        assertThat(cache.rulesFor(PAGE).isAllowed(PAGE.toString())).isFalse();
        assertThat(cache.rulesFor(PAGE).getCrawlDelay()).isEqualTo(2000);
        assertThat(downloads).containsExactly("https://news.test/robots.txt");

        clock.advance(Duration.ofHours(25));
        cache.rulesFor(URI.create("https://NEWS.test/other"));

        assertThat(downloads).hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1} allows all={2}")
    @CsvSource({
            "HTTP_ERROR, 404, true",
            "HTTP_ERROR, 403, true",
            "TOO_MANY_REDIRECTS, 301, true",
            "HTTP_ERROR, 429, false",
            "HTTP_ERROR, 503, false",
            "TIMEOUT, 0, false",
            "NETWORK_ERROR, 0, false",
    })
    void treatsMissingRobotsAsNoRulesAndUnreachableRobotsAsKeepOut(FailureReason reason, int status,
                                                                  boolean allowsAll) throws Exception {
        RobotsCache cache = cacheAnswering(failure(reason, status));

        assertThat(cache.rulesFor(PAGE).isAllowed(PAGE.toString())).isEqualTo(allowsAll);
    }

    @Test
    void asksAgainSoonAfterAnUnreachableRobotsTxt() throws Exception {
        RobotsCache cache = cacheAnswering(failure(FailureReason.HTTP_ERROR, 503));
        cache.rulesFor(PAGE);

        clock.advance(Duration.ofMinutes(11));
        cache.rulesFor(PAGE);

        assertThat(downloads).hasSize(2);
    }

    @Test
    void keepsSitesApartBySchemeAndPort() throws Exception {
        RobotsCache cache = cacheAnswering(robotsTxt(""));

        cache.rulesFor(URI.create("https://news.test/a"));
        cache.rulesFor(URI.create("http://news.test/a"));
        cache.rulesFor(URI.create("https://news.test:8443/a"));

        assertThat(downloads).containsExactly("https://news.test/robots.txt", "http://news.test/robots.txt",
                "https://news.test:8443/robots.txt");
    }

    @ParameterizedTest
    @CsvSource({
            "'AkhbarBot/0.1 (+https://github.com/akhbar)', akhbarbot",
            "'Mozilla/5.0 (compatible; NewsBot/2.1)', mozilla",
            "'plainbot', plainbot",
    })
    void matchesRulesByTheProductTokenOfTheUserAgent(String userAgent, String robotName) {
        assertThat(RobotsCache.productToken(userAgent)).isEqualTo(robotName);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-06T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
