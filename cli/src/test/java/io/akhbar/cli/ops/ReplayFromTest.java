package io.akhbar.cli.ops;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFromTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void earliestIsTheStartOfTheTopics() {
        assertThat(ReplayFrom.parse("earliest", NOW).earliest()).isTrue();
        assertThat(ReplayFrom.parse("EARLIEST", NOW)).isEqualTo(ReplayFrom.EARLIEST);
    }

    @Test
    void instantsMayCarryAnOffset() {
        assertThat(ReplayFrom.parse("2024-05-01T08:00:00Z", NOW).time()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(ReplayFrom.parse("2024-05-01T11:00:00+03:00", NOW).time()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    }

    @Test
    void aDateIsItsMidnightUtc() {
        assertThat(ReplayFrom.parse("2024-05-01", NOW).time()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void aDurationCountsBackFromNow() {
        assertThat(ReplayFrom.parse("PT6H", NOW).time()).isEqualTo(Instant.parse("2024-05-10T06:00:00Z"));
        assertThat(ReplayFrom.parse("P2D", NOW).time()).isEqualTo(Instant.parse("2024-05-08T12:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> ReplayFrom.parse("yesterday", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earliest, an instant");
    }
}
