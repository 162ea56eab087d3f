package io.akhbar.cli.ops;

import io.akhbar.model.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a consumer group has got through its topics, exactly enough to say when it has consumed everything. A
 * group's committed offsets can stay below the end for good when a partition ends with a transaction marker (every
 * exactly-once producer leaves one), so when little is left the records really left are read and counted.
 */
final class GroupProgress implements AutoCloseable {
    /** Beyond this many offsets left the group is clearly still busy, and counting the records is not worth it. */
    private static final long COUNT_BELOW = 10_000;
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaOffsets offsets;
    private final String group;
    private final List<TopicPartition> partitions;
    private final KafkaConsumer<byte[], byte[]> reader;

    /**
     * @param consumed offsets the group has passed, from the first one the topics still hold
     * @param total    offsets from there up to the ends it is measured against
     * @param left     records still to consume: exact when small, else the offsets left
     */
    record Snapshot(long consumed, long total, long left) {
        boolean caughtUp() {
            return left == 0;
        }
    }

    GroupProgress(KafkaSettings kafka, Admin admin, String group, List<String> topics) {
        this.offsets = new KafkaOffsets(admin);
        this.group = group;
        this.partitions = offsets.partitions(topics);
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    Map<TopicPartition, Long> ends() {
        return offsets.ends(partitions);
    }

    Snapshot against(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = offsets.committed(group);
        Map<TopicPartition, Long> first = offsets.earliest(partitions);
        Map<TopicPartition, Long> behind = new HashMap<>();
        long consumed = 0;
        long total = 0;
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition);
            long at = Math.min(Math.max(committed.getOrDefault(partition, 0L), first.get(partition)), end);
            consumed += at - first.get(partition);
            total += end - first.get(partition);
            if (at < end) {
                behind.put(partition, at);
            }
        }
        long gap = total - consumed;
        long left = gap == 0 || gap >= COUNT_BELOW ? gap : recordsBetween(behind, ends);
        return new Snapshot(consumed, total, left);
    }

    /** Records a read_committed consumer finds from each start offset up to its end: markers are not records. */
    private long recordsBetween(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        reader.assign(starts.keySet());
        starts.forEach(reader::seek);
        long records = 0;
        long deadline = System.nanoTime() + COUNT_TIMEOUT.toNanos();
        while (starts.keySet().stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                return Math.max(records, 1);
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    records++;
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        reader.close();
    }
}
