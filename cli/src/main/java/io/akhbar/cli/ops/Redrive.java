package io.akhbar.cli.ops;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.TopicSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends dead letters back to the topic they came from, once their cause is fixed, so that their stage processes
 * them again.
 *
 * <p>Each stage's letters are tracked by a consumer group of its own on the dead-letter topic,
 * {@code <prefix>akhbar-redrive-<stage>}, which moves in the same Kafka transaction as the records sent: a letter
 * is redriven once however often redrive runs, and a redrive that fails half-way leaves nothing half-done. A letter
 * that fails again comes back as a new dead letter, for a later redrive.
 */
public final class Redrive {
    public static final String GROUP_PREFIX = "akhbar-redrive-";
    /** On each redriven record: the dead letter it came from, {@code topic/partition/offset}. */
    public static final String SOURCE_HEADER = "akhbar.redriven-from";
    private static final int EXAMPLES = 10;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private final AkhbarConfig config;
    private final PrintStream out;

    public Redrive(AkhbarConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * What one stage's pass did.
     *
     * @param redriven     letters sent back (or that would be, in a dry run), by original topic
     * @param withoutValue letters with no original record to send (a tombstone, or no topic recorded)
     * @param unreadable   records of the dead-letter topic that are not dead letters
     */
    public record StageReport(Stage stage, String group, Map<String, Long> redriven, long withoutValue, long unreadable) {
        public long total() {
            return redriven.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static String group(AkhbarConfig config, Stage stage) {
        return config.kafka().topicPrefix() + GROUP_PREFIX + stage.label();
    }

    public List<StageReport> run(List<Stage> stages, boolean dryRun) {
        List<StageReport> reports = new ArrayList<>();
        for (Stage stage : stages) {
            reports.add(redrive(stage, dryRun));
        }
        if (dryRun) {
            out.println("Dry run: nothing sent, nothing marked as redriven.");
        }
        return reports;
    }

    private StageReport redrive(Stage stage, boolean dryRun) {
        String group = group(config, stage);
        String topic = config.kafka().topics().deadLetters();
        Map<String, Long> redriven = new TreeMap<>();
        long withoutValue = 0;
        long unreadable = 0;
        int examples = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group);
             KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer(group)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            if (producer != null) {
                producer.initTransactions();
            }
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("no progress reading " + topic + " for " + STALL_TIMEOUT);
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                });
                if (batch.isEmpty()) {
                    continue;
                }
                lastProgress = System.nanoTime();
                if (producer != null) {
                    producer.beginTransaction();
                }
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    DeadLetter letter = decode(record);
                    if (letter == null) {
                        unreadable++;
                        continue;
                    }
                    if (!stage.label().equals(letter.getStage())) {
                        continue;
                    }
                    if (letter.getOriginalTopic() == null || letter.getOriginalValue() == null) {
                        withoutValue++;
                        continue;
                    }
                    if (examples++ < EXAMPLES) {
                        out.printf("  %s %s key=%s%s: %s: %s (failed at %s)%n", dryRun ? "would redrive" : "redrive",
                                letter.getOriginalTopic(), letter.getOriginalKey(),
                                letter.getUrl() == null ? "" : " url=" + letter.getUrl(), letter.getErrorClass(),
                                letter.getErrorMessage(), letter.getFailedAt());
                    }
                    redriven.merge(letter.getOriginalTopic(), 1L, Long::sum);
                    if (producer != null) {
                        producer.send(backToOrigin(record, letter));
                    }
                }
                if (producer != null) {
                    producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
                    producer.commitTransaction();
                }
            }
        }
        StageReport report = new StageReport(stage, group, redriven, withoutValue, unreadable);
        print(report, dryRun);
        return report;
    }

    private void print(StageReport report, boolean dryRun) {
        out.printf("stage %s: %s %,d dead letters%s", report.stage().label(), dryRun ? "would redrive" : "redrove",
                report.total(), report.redriven().isEmpty() ? "" : " " + report.redriven());
        if (report.withoutValue() > 0) {
            out.printf("; %,d without an original record to send", report.withoutValue());
        }
        if (report.unreadable() > 0) {
            out.printf("; %,d unreadable records skipped", report.unreadable());
        }
        out.printf("%n  tracked by consumer group %s%s%n", report.group(),
                dryRun ? "" : ", now at the end of " + config.kafka().topics().deadLetters());
    }

    private static DeadLetter decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return AkhbarSerdes.DEAD_LETTER.decode(record.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    private static ProducerRecord<byte[], byte[]> backToOrigin(ConsumerRecord<byte[], byte[]> source, DeadLetter letter) {
        byte[] key = letter.getOriginalKey() == null ? null : letter.getOriginalKey().getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(SOURCE_HEADER, (source.topic() + "/" + source.partition() + "/" + source.offset())
                .getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(letter.getOriginalTopic(), null, key, bytesOf(letter.getOriginalValue()), headers);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> settings = config.kafka().clientConfig();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Transactional, with the group as transactional id: a second redrive of the same stage fences the first. */
    private KafkaProducer<byte[], byte[]> producer(String group) {
        Map<String, Object> settings = config.kafka().clientConfig();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, group);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.LARGE_RECORD_BYTES);
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
