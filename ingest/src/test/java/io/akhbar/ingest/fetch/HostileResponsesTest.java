package io.akhbar.ingest.fetch;

import io.akhbar.localstack.site.HostileSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Responses built to exhaust a crawler, from a real server: each is given up on, and the connection dropped. */
class HostileResponsesTest {
    private static final int LIMIT = 1024 * 1024;
    /** What may arrive beyond the limit before the client hangs up: socket buffers on both sides. */
    private static final long SLACK = 32L * 1024 * 1024;

    private static HostileSite site;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        site = HostileSite.start(HostileSite.loopback(1));
        fetcher = new HttpFetcher(TestSettings.fast()
                .maxBodyBytes(LIMIT)
                .requestTimeout(Duration.ofSeconds(2))
                .maxRetries(0)
                .build());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aServerTricklingAByteASecondHitsTheRequestDeadlineAndIsHungUpOn() throws Exception {
        FetchResult result = fetcher.fetch(site.url(HostileSite.TRICKLE), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failed.detail()).contains(HostileSite.TRICKLE).contains("PT2S");
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> site.served(HostileSite.TRICKLE).clientHungUp());
    }

    @Test
    void aServerThatKeepsTricklingIsLeftAloneWhileOthersAreStillFetched() throws Exception {
        try (HostileSite trickling = HostileSite.start(HostileSite.loopback(1))) {
            HttpFetcher impatient = new HttpFetcher(TestSettings.fast()
                    .requestTimeout(Duration.ofMillis(500)).maxRetries(0).build());
            for (int i = 0; i < HostHealth.FAILURES_IN_A_ROW; i++) {
                assertThat(impatient.fetch(trickling.url(HostileSite.TRICKLE), Validators.NONE))
                        .isInstanceOfSatisfying(FetchResult.Failed.class,
                                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT));
            }

            assertThat(impatient.fetch(trickling.url(HostileSite.MARKUP_TRAPS), Validators.NONE))
                    .isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
                        assertThat(failed.reason()).isEqualTo(FailureReason.UNRESPONSIVE_HOST);
                        assertThat(failed.isTransient()).isTrue();
                        assertThat(failed.detail()).contains("left alone until");
                    });
            assertThat(trickling.served(HostileSite.MARKUP_TRAPS).requests()).isZero();
            assertThat(impatient.fetch(site.url(HostileSite.MARKUP_TRAPS), Validators.NONE))
                    .isInstanceOf(FetchResult.Fetched.class);
        }
    }

    @Test
    void aGigabyteBodyIsCutOffAtTheLimitWhetherDeclaredOrNot() throws Exception {
        for (String path : new String[] {HostileSite.HUGE, HostileSite.HUGE_DECLARED}) {
            FetchResult result = fetcher.fetch(site.url(path), Validators.NONE);

            assertThat(result).as(path).isInstanceOfSatisfying(FetchResult.Failed.class,
                    failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE));
            await().atMost(Duration.ofSeconds(10)).until(() -> site.served(path).clientHungUp());
            assertThat(site.served(path).bodyBytes()).as(path).isLessThan(LIMIT + SLACK);
        }
    }

    @Test
    void aGzipBombStopsInflatingAtTheLimit() throws Exception {
        FetchResult result = fetcher.fetch(site.url(HostileSite.GZIP_BOMB), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failed.detail()).contains("decoded body exceeds " + LIMIT);
        });
        assertThat(site.served(HostileSite.GZIP_BOMB).bodyBytes()).isLessThan(LIMIT);
    }

    @Test
    void redirectLoopsAndLongChainsEndInAFailureNamingThem() throws Exception {
        assertThat(fetcher.fetch(site.url(HostileSite.REDIRECT_LOOP), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(FailureReason.REDIRECT_LOOP);
                    assertThat(failed.detail()).contains("/redirect/loop-b redirects back to").contains("loop-a");
                });
        assertThat(fetcher.fetch(site.url(HostileSite.REDIRECT_CHAIN), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS));
        assertThat(site.served("/redirect/chain/6").requests()).isZero();
    }

    @Test
    void binaryServedAsHtmlIsFetchedForTheExtractorToJudge() throws Exception {
        assertThat(fetcher.fetch(site.url(HostileSite.BINARY), Validators.NONE))
                .isInstanceOf(FetchResult.Fetched.class);
    }
}
