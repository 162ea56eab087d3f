package io.akhbar.sink.write;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    @Test
    void doublesFromTheBaseUpToTheMaximum() {
        assertThat(IntStream.range(0, 9).mapToObj(backoff::delay).map(Duration::toMillis))
                .containsExactly(200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void staysAtTheMaximumHoweverLongTheOutage() {
        assertThat(backoff.delay(62)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void defaultsRetryEveryTenSecondsWithinAMinute() {
        long waitedMillis = IntStream.range(0, 10).mapToObj(backoff::delay).mapToLong(Duration::toMillis).sum();

        assertThat(waitedMillis).isLessThan(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delay(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
