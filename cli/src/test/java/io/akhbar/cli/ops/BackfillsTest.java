package io.akhbar.cli.ops;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillsTest {
    private static final TopicPartition P0 = new TopicPartition("akhbar.enriched.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("akhbar.enriched.v1", 1);
    private final Backfills.Backfill backfill = new Backfills.Backfill("akhbar-sink", Instant.EPOCH, "re-index",
            Map.of(Backfills.Backfill.partitionKey(P0), 100L, Backfills.Backfill.partitionKey(P1), 40L));

    @Test
    void aBackfillRunsUntilEveryPartitionReachedItsTarget() {
        assertThat(backfill.isRunning(Map.of(P0, 0L, P1, 0L))).isTrue();
        assertThat(backfill.isRunning(Map.of(P0, 100L, P1, 39L))).isTrue();
        assertThat(backfill.isRunning(Map.of(P0, 100L, P1, 40L))).isFalse();
        assertThat(backfill.isRunning(Map.of(P0, 180L, P1, 55L))).isFalse();
    }

    @Test
    void aPartitionWithoutTargetDoesNotHoldTheBackfillOpen() {
        assertThat(backfill.isRunning(Map.of(P0, 100L, P1, 40L, new TopicPartition("akhbar.enriched.v1", 2), 0L))).isFalse();
    }
}
