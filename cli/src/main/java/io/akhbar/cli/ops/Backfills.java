package io.akhbar.cli.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.model.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Consumer groups replayed on purpose, so that lag dashboards and alerts label their lag as a backfill instead of
 * crying wolf. Kept in a compacted topic, one record per group: the offsets the replay has to reach. A group stops
 * being a backfill once no record before them is left to consume.
 */
public final class Backfills {
    public static final String TOPIC = "akhbar.ops.backfills.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Backfills() {
    }

    /** A replay of {@code group} started at {@code startedAt}, done when it has consumed up to {@code untilOffsets}. */
    public record Backfill(String group, Instant startedAt, String reason, Map<String, Long> untilOffsets) {
        public static String partitionKey(TopicPartition partition) {
            return partition.topic() + "-" + partition.partition();
        }

        public long untilOffset(TopicPartition partition) {
            return untilOffsets.getOrDefault(partitionKey(partition), -1L);
        }

        /**
         * Whether the replay still runs: in some partition, the next record the group will consume is before the
         * offset the replay has to reach.
         *
         * @param nextRecords per partition, the offset of the next record to consume (at least the committed offset)
         */
        public boolean isRunning(Map<TopicPartition, Long> nextRecords) {
            return nextRecords.entrySet().stream().anyMatch(e -> e.getValue() < untilOffset(e.getKey()));
        }
    }

    public static String topic(KafkaSettings kafka) {
        return kafka.topicPrefix() + TOPIC;
    }

    public static void start(KafkaSettings kafka, Backfill backfill) {
        write(kafka, backfill.group(), encode(backfill));
    }

    /** Forgets the backfill of {@code group}, e.g. when the group itself is deleted after a reindex. */
    public static void finish(KafkaSettings kafka, String group) {
        write(kafka, group, null);
    }

    private static void write(KafkaSettings kafka, String group, String value) {
        ensureTopic(kafka);
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic(kafka), group, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a backfill of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record a backfill of " + group + ": " + e.getCause(), e);
        }
    }

    /** Records that {@code group} is replayed from now on, up to what its topics hold now. */
    public static Backfill markNow(KafkaSettings kafka, MonitoredGroup group, String reason) {
        Map<String, Long> until = new HashMap<>();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            ConsumerLag.of(admin, group.group(), group.topics())
                    .forEach(lag -> until.put(Backfill.partitionKey(lag.partition()), lag.end()));
        }
        Backfill backfill = new Backfill(group.group(), Instant.now(), reason, until);
        start(kafka, backfill);
        return backfill;
    }

    /** The backfills recorded now, by group. */
    public static Map<String, Backfill> current(KafkaSettings kafka) {
        ensureTopic(kafka);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerConfig(kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return read(consumer, topic(kafka));
        }
    }

    /** Configuration of a consumer that {@link #read} can use: no group, committed data only. */
    public static Map<String, Object> readerConfig(KafkaSettings kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** Reads the whole topic with {@code consumer} (which it assigns, then leaves unassigned). */
    public static Map<String, Backfill> read(Consumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        try {
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, Backfill> backfills = new HashMap<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String group = new String(record.key(), StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        backfills.remove(group);
                    } else {
                        backfills.put(group, decode(new String(record.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return backfills;
        } finally {
            consumer.assign(List.of());
        }
    }

    private static void ensureTopic(KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            ensureTopic(admin, kafka);
        }
    }

    public static void ensureTopic(Admin admin, KafkaSettings kafka) {
        try {
            admin.createTopics(List.of(new NewTopic(topic(kafka), 1, kafka.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic(kafka) + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic(kafka), e);
        }
    }

    private static String encode(Backfill backfill) {
        try {
            return JSON.writeValueAsString(Map.of("group", backfill.group(), "startedAt", backfill.startedAt().toString(),
                    "reason", backfill.reason(), "untilOffsets", backfill.untilOffsets()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Backfill decode(String json) {
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<>() { });
            Map<String, Long> until = new HashMap<>();
            ((Map<?, ?>) map.get("untilOffsets")).forEach((k, v) -> until.put((String) k, ((Number) v).longValue()));
            return new Backfill((String) map.get("group"), Instant.parse((String) map.get("startedAt")),
                    (String) map.get("reason"), until);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable backfill record: " + json, e);
        }
    }
}
