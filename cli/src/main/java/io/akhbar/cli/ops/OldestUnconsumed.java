package io.akhbar.cli.ops;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the oldest record a group has not consumed yet in each partition: the record at its
 * committed offset, as kafka-lag-exporter measures time lag. Aborted records and transaction markers are skipped
 * (the consumer reads committed data only), so a partition whose only unconsumed entry is a commit marker has none.
 */
final class OldestUnconsumed {
    private static final Duration POLL = Duration.ofMillis(100);

    private OldestUnconsumed() {
    }

    /** A range of offsets still to be consumed: from the committed offset up to, excluding, the end offset. */
    record Range(long from, long end) {
    }

    /** The oldest unconsumed record of a partition: its offset, and its timestamp in epoch milliseconds. */
    record Oldest(long offset, long timestamp) {
    }

    /**
     * @param found      for the partitions that have a record in their range
     * @param unresolved partitions not read within the timeout: their time lag is unknown
     */
    record Result(Map<TopicPartition, Oldest> found, Set<TopicPartition> unresolved) {
    }

    static Result read(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Range> ranges, Duration timeout) {
        Map<TopicPartition, Oldest> found = new HashMap<>();
        if (ranges.isEmpty()) {
            return new Result(found, Set.of());
        }
        consumer.assign(ranges.keySet());
        ranges.forEach((partition, range) -> consumer.seek(partition, range.from()));
        Set<TopicPartition> pending = new HashSet<>(ranges.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (pending.remove(partition)) {
                        if (record.offset() < ranges.get(partition).end()) {
                            found.put(partition, new Oldest(record.offset(), record.timestamp()));
                        }
                        consumer.pause(List.of(partition));
                    }
                }
                pending.removeIf(partition -> consumer.position(partition) >= ranges.get(partition).end());
            }
        } finally {
            consumer.assign(List.of());
        }
        return new Result(found, pending);
    }
}
