package io.akhbar.sink.write;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The records consumed since the last commit, in consumption order. */
final class Batch {
    private final List<PendingRecord> records = new ArrayList<>();
    private long bytes;
    private long firstAddedNanos;

    void add(PendingRecord record, long nowNanos) {
        if (records.isEmpty()) {
            firstAddedNanos = nowNanos;
        }
        records.add(record);
        bytes += record.sizeInBytes();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    int size() {
        return records.size();
    }

    boolean isDue(int maxDocs, long maxBytes, Duration maxAge, long nowNanos) {
        return !records.isEmpty()
                && (records.size() >= maxDocs || bytes >= maxBytes || nowNanos - firstAddedNanos >= maxAge.toNanos());
    }

    List<PendingRecord> awaitingElasticsearch() {
        return records.stream().filter(PendingRecord::awaitsElasticsearch).toList();
    }

    boolean holdsAny(Collection<TopicPartition> partitions) {
        return records.stream().anyMatch(record -> partitions.contains(record.partition()));
    }

    /**
     * Per partition, the offset after the last record of the longest settled run from the batch's start: committing
     * it never skips a record that is still unsettled.
     */
    Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        Set<TopicPartition> blocked = new HashSet<>();
        for (PendingRecord record : records) {
            TopicPartition partition = record.partition();
            if (blocked.contains(partition)) {
                continue;
            }
            if (record.isSettled()) {
                offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
            } else {
                blocked.add(partition);
            }
        }
        return offsets;
    }

    Map<TopicPartition, OffsetAndMetadata> committableOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committableOffsets();
        offsets.keySet().retainAll(partitions);
        return offsets;
    }

    /** Forgets the records of partitions this consumer no longer owns: their next owner consumes them again. */
    void drop(Collection<TopicPartition> partitions) {
        records.removeIf(record -> {
            boolean dropped = partitions.contains(record.partition());
            if (dropped) {
                bytes -= record.sizeInBytes();
            }
            return dropped;
        });
    }
}
