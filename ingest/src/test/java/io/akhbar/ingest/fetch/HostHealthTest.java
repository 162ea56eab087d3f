package io.akhbar.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HostHealthTest {
    private static final Duration PAUSE = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2025-01-06T10:00:00Z");

    private Instant now = T0;
    private final HostHealth health = new HostHealth(PAUSE, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aServerIsLeftAloneAfterFailuresInARowAndAnyAnswerForgivesIt() {
        health.noAnswer("a:80");
        health.answered("a:80");
        health.noAnswer("a:80");
        assertThat(health.noAnswer("a:80")).isEmpty();
        assertThat(health.leftAloneUntil("a:80")).isEmpty();

        assertThat(health.noAnswer("a:80")).contains(T0.plus(PAUSE));
        assertThat(health.leftAloneUntil("A:80")).contains(T0.plus(PAUSE));
        assertThat(health.leftAloneUntil("a:8080")).isEmpty();
    }

    @Test
    void afterThePauseOneMoreFailureIsEnoughAndAFetchInFlightDoesNotEndThePause() {
        for (int i = 0; i < HostHealth.FAILURES_IN_A_ROW; i++) {
            health.noAnswer("a:80");
        }
        now = T0.plusSeconds(1);
        assertThat(health.noAnswer("a:80")).isEmpty();
        assertThat(health.leftAloneUntil("a:80")).contains(T0.plus(PAUSE));

        now = T0.plus(PAUSE).plusSeconds(1);
        assertThat(health.leftAloneUntil("a:80")).isEmpty();
        assertThat(health.noAnswer("a:80")).contains(now.plus(PAUSE));
    }
}
