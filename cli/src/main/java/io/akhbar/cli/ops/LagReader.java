package io.akhbar.cli.ops;

import io.akhbar.model.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the lag of consumer groups: in records from the admin API (committed offsets against read_committed end
 * offsets), in seconds from the timestamp of the oldest unconsumed record, and whether a group is a backfill. One
 * reader keeps its admin client and consumer between readings; it is used by one thread at a time.
 */
public final class LagReader implements AutoCloseable {
    private static final Duration TIMESTAMP_TIMEOUT = Duration.ofSeconds(10);
    /** An unreachable cluster fails a measurement after this, rather than after the client's default minute. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);
    /** The consumer only needs the first batch at each committed offset. */
    private static final int FETCH_BYTES_PER_PARTITION = 64 * 1024;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String backfillsTopic;
    private final Clock clock;

    public LagReader(KafkaSettings kafka) {
        this(kafka, Clock.systemUTC());
    }

    LagReader(KafkaSettings kafka, Clock clock) {
        this.clock = clock;
        this.backfillsTopic = Backfills.topic(kafka);
        Map<String, Object> adminConfig = kafka.clientConfig();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        this.admin = Admin.create(adminConfig);
        Map<String, Object> config = Backfills.readerConfig(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "akhbar-lag-reader");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES_PER_PARTITION);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            Backfills.ensureTopic(admin, kafka);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public LagSnapshot read(List<MonitoredGroup> groups) {
        Map<String, Backfills.Backfill> backfills = Backfills.read(consumer, backfillsTopic);
        Map<MonitoredGroup, List<ConsumerLag.PartitionLag>> offsets = new HashMap<>();
        Map<TopicPartition, OldestUnconsumed.Range> waiting = new HashMap<>();
        for (MonitoredGroup group : groups) {
            List<ConsumerLag.PartitionLag> lags = ConsumerLag.of(admin, group.group(), group.topics()).stream()
                    .sorted(Comparator.comparingInt((ConsumerLag.PartitionLag lag) -> group.topics().indexOf(lag.partition().topic()))
                            .thenComparingInt(lag -> lag.partition().partition()))
                    .toList();
            offsets.put(group, lags);
            // Two groups reading one partition would need two probes; the stages' groups never share a topic.
            lags.stream().filter(lag -> lag.lag() > 0).forEach(lag ->
                    waiting.put(lag.partition(), new OldestUnconsumed.Range(lag.committed(), lag.end())));
        }
        OldestUnconsumed.Result oldest = OldestUnconsumed.read(consumer, waiting, TIMESTAMP_TIMEOUT);
        Instant now = clock.instant();
        List<LagSnapshot.Entry> entries = new ArrayList<>();
        for (MonitoredGroup group : groups) {
            List<ConsumerLag.PartitionLag> lags = offsets.get(group);
            Map<TopicPartition, Long> nextRecords = new HashMap<>();
            lags.forEach(lag -> nextRecords.put(lag.partition(), nextRecord(lag, oldest)));
            Backfills.Backfill backfill = backfills.get(group.group());
            boolean backfilling = backfill != null && backfill.isRunning(nextRecords);
            for (ConsumerLag.PartitionLag lag : lags) {
                entries.add(new LagSnapshot.Entry(group.stage(), group.group(), lag.partition().topic(),
                        lag.partition().partition(), lag.committed(), lag.end(), lag.lag(),
                        lagSeconds(lag, oldest, now), backfilling));
            }
        }
        return new LagSnapshot(now, entries);
    }

    private static double lagSeconds(ConsumerLag.PartitionLag lag, OldestUnconsumed.Result oldest, Instant now) {
        if (lag.lag() == 0) {
            return 0;
        }
        if (oldest.unresolved().contains(lag.partition())) {
            return Double.NaN;
        }
        OldestUnconsumed.Oldest record = oldest.found().get(lag.partition());
        return record == null ? 0 : Math.max(0, now.toEpochMilli() - record.timestamp()) / 1000.0;
    }

    /**
     * The offset of the next record the group will consume: past trailing transaction markers, which a consumer
     * that commits its last record's offset + 1 never commits past. Its committed offset when that is unknown.
     */
    private static long nextRecord(ConsumerLag.PartitionLag lag, OldestUnconsumed.Result oldest) {
        if (lag.lag() == 0 || oldest.unresolved().contains(lag.partition())) {
            return lag.committed();
        }
        OldestUnconsumed.Oldest record = oldest.found().get(lag.partition());
        return record == null ? lag.end() : record.offset();
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
