package io.akhbar.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsSecondsAndDatesAndIgnoresNonsense() {
        assertThat(HttpFetcher.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(HttpFetcher.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
        assertThat(HttpFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(HttpFetcher.parseRetryAfter("Fri, 01 Jan 2100 00:00:00 GMT"))
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
        assertThat(HttpFetcher.parseRetryAfter("soon")).isEmpty();
        assertThat(HttpFetcher.parseRetryAfter(null)).isEmpty();
    }
}
