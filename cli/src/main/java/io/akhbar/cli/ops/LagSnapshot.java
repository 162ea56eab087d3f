package io.akhbar.cli.ops;

import java.time.Instant;
import java.util.List;

/**
 * Lag of the watched groups at one moment, one entry per group and partition.
 *
 * @param measuredAt when the record timestamps were read; every entry's time lag is counted up to it
 */
public record LagSnapshot(Instant measuredAt, List<Entry> partitions) {
    public static final LagSnapshot NONE = new LagSnapshot(Instant.EPOCH, List.of());

    public LagSnapshot {
        partitions = List.copyOf(partitions);
    }

    /**
     * @param committed  the group's committed offset (0 when it never committed)
     * @param end        the partition's end offset as a read_committed consumer sees it
     * @param lagRecords {@code end - committed}; on a topic written under exactly-once a lag of one can be the
     *                   commit marker after the last record, which holds no data
     * @param lagSeconds age of the oldest unconsumed record (its Kafka timestamp) at {@code measuredAt}; 0 when no
     *                   record waits
     * @param backfill   whether the group is being replayed on purpose ({@link Backfills})
     */
    public record Entry(String stage, String group, String topic, int partition, long committed, long end,
                        long lagRecords, double lagSeconds, boolean backfill) {
    }
}
