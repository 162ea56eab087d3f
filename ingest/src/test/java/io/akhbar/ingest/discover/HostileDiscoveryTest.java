package io.akhbar.ingest.discover;

import io.akhbar.ingest.fetch.HttpFetcher;
import io.akhbar.ingest.fetch.TestSettings;
import io.akhbar.ingest.fetch.Validators;
import io.akhbar.localstack.site.HostileSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds, sitemaps and section pages built to attack their reader, from a real server on loopback. */
class HostileDiscoveryTest {
    private static HostileSite site;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        site = HostileSite.start(HostileSite.loopback(1));
        fetcher = new HttpFetcher(TestSettings.fast().build());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static FeedDiscovery discovery() {
        return new FeedDiscovery(url -> fetcher.fetch(url, Validators.NONE), new UrlCanonicalizer(), 3, new SitemapIndexes());
    }

    /** Document type declarations are refused outright, so no entity is expanded, local or remote, nested or not. */
    @ParameterizedTest
    @ValueSource(strings = {HostileSite.FEED_EXTERNAL_ENTITIES, HostileSite.SITEMAP_EXTERNAL_ENTITIES,
            HostileSite.FEED_BILLION_LAUGHS, HostileSite.SITEMAP_BILLION_LAUGHS})
    void xmlWithEntityDeclarationsIsUnreadableAndNoEntityIsResolved(String path) throws Exception {
        FeedDiscovery.Result result = discovery().discover(site.url(path), "hostile");

        assertThat(result.urls()).isEmpty();
        assertThat(result.unreadable()).containsExactly(site.url(path));
        assertThat(site.served(HostileSite.TRIPWIRE).requests()).isZero();
    }

    @Test
    void aGzippedSitemapInflatesNoFurtherThanABodyMay() throws Exception {
        int limit = 1024 * 1024;
        HttpFetcher limited = new HttpFetcher(TestSettings.fast().maxBodyBytes(limit).build());
        FeedDiscovery discovery = new FeedDiscovery(url -> limited.fetch(url, Validators.NONE),
                new UrlCanonicalizer(), 3, new SitemapIndexes());

        FeedDiscovery.Result result = discovery.discover(site.url(HostileSite.SITEMAP_GZIP_BOMB), "hostile");

        assertThat(result.urls()).isEmpty();
        assertThat(result.unreadable()).containsExactly(site.url(HostileSite.SITEMAP_GZIP_BOMB));
    }

    @Test
    void aSectionPageWithTenThousandLinksGivesOnlyTheMatchingOnes() throws Exception {
        SectionDiscovery sections = new SectionDiscovery(url -> fetcher.fetch(url, Validators.NONE),
                new UrlCanonicalizer());

        assertThat(sections.discover(site.url(HostileSite.TEN_THOUSAND_LINKS), Pattern.compile("/tag/9999/"),
                "hostile")).extracting(DiscoveredUrl::url).containsExactly(site.url("/tag/9999/"));
    }
}
