package io.akhbar.enrich;

import io.akhbar.model.StoreNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enrich settings that shape its band state: the LSH bands and rows and the shingle size decide which bucket an
 * article's signature falls into, the window lays out the time slots, and the band retention lays out the stores'
 * segments. State built under other values cannot be read with these: articles would stop finding their stories,
 * and with fewer bands an article would wait for answers from bands that no longer exist. So every band partition
 * keeps the layout it was built with ({@link StoreNames#STATE_LAYOUT}), and enrich refuses to start under another.
 * A replay from the earliest article deletes that state with the rest, and the new layout is kept from then on.
 */
public record StateLayout(int bands, int rowsPerBand, int shingleSize, Duration window, Duration bandRetention,
                          Duration bandSlot, int bandPartitions) {
    /** The key of the one record in each band partition's layout store. */
    public static final String KEY = "layout";
    private static final String BAND_SLOT = "bandSlot";
    private static final String SIGNATURE = "signature";
    private static final String BAND_PARTITIONS = "bandPartitions";
    /**
     * How signatures are computed ({@link io.akhbar.enrich.dedup.MinHasher}): one-permutation hashing since the night
     * of 2026-12-05; state recorded before then has no such entry, and its signatures came from another scheme.
     */
    private static final String SIGNATURE_SCHEME = "one-permutation";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** @param bandPartitions partitions of the band-probes topic ({@code kafka.bandPartitions}): they own the buckets */
    public static StateLayout of(EnrichSettings settings, int bandPartitions) {
        return new StateLayout(settings.bands(), settings.rowsPerBand(), settings.shingleSize(), settings.window(),
                settings.bandRetention(), settings.bandSlot(), bandPartitions);
    }

    /**
     * As it is stored and shown: {@code bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D,
     * bandSlot=P56D, signature=one-permutation, bandPartitions=1}. The band slot is not a setting but follows from the
     * window and the retention; builds before it grew to several windows did not record it, and their state, in slots
     * of one window, cannot be read by this one.
     */
    public String describe() {
        return String.join(", ", settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /**
     * What differs between a stored layout and this one, one line a setting ({@code enrich.bands: 20 in the state,
     * 16 configured}); empty when they agree.
     */
    public List<String> differencesFrom(String stored) {
        Map<String, String> before = parse(stored);
        List<String> differences = new ArrayList<>();
        settings().forEach((name, value) -> {
            String old = before.get(name);
            if (!value.equals(old)) {
                differences.add(label(name) + ": " + (old == null ? "not recorded" : old) + " in the state, "
                        + value + (isSetting(name) ? " configured" : " in this version"));
            }
        });
        return differences;
    }

    /**
     * Compares this layout with the one the application's band state in Kafka was built with, and refuses a
     * different one. An application with no state yet, or one kept by a build that did not record its layout,
     * passes: the layout is recorded by the first article it processes.
     *
     * @throws MismatchException if any band partition's state was built under other settings
     */
    public void verifyAgainst(Map<String, Object> kafkaClientConfig, String applicationId) {
        String topic = StoreNames.changelogTopic(applicationId, StoreNames.STATE_LAYOUT);
        for (String stored : storedLayouts(kafkaClientConfig, topic)) {
            List<String> differences = differencesFrom(stored);
            if (!differences.isEmpty()) {
                throw new MismatchException("the enrich state of " + applicationId + " was built with other settings:\n  "
                        + String.join("\n  ", differences) + "\nIts band buckets cannot be read under these: articles"
                        + " would stop finding the stories they belong to. Either set them back, or stop every enrich"
                        + " instance and rebuild the state from the articles with"
                        + " `./akhbar replay --stage enrich --from earliest`, then start enrich again.");
            }
        }
    }

    /** Enrich's band state was built with other settings than the configuration gives. */
    public static final class MismatchException extends IllegalStateException {
        MismatchException(String message) {
            super(message);
        }
    }

    private static String label(String name) {
        return switch (name) {
            case BAND_SLOT -> "band slot (follows from enrich.window and enrich.bandRetention)";
            case SIGNATURE -> "MinHash signature scheme";
            case BAND_PARTITIONS -> "kafka.bandPartitions";
            default -> "enrich." + name;
        };
    }

    private static boolean isSetting(String name) {
        return !name.equals(BAND_SLOT) && !name.equals(SIGNATURE);
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bands", String.valueOf(bands));
        settings.put("rowsPerBand", String.valueOf(rowsPerBand));
        settings.put("shingleSize", String.valueOf(shingleSize));
        settings.put("window", days(window));
        settings.put("bandRetention", days(bandRetention));
        settings.put(BAND_SLOT, days(bandSlot));
        settings.put(SIGNATURE, SIGNATURE_SCHEME);
        settings.put(BAND_PARTITIONS, String.valueOf(bandPartitions));
        return settings;
    }

    /** Durations as the configuration is usually written: {@code P7D} rather than {@code PT168H}. */
    private static String days(Duration duration) {
        return duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? "P" + duration.toDays() + "D"
                : duration.toString();
    }

    private static Map<String, String> parse(String described) {
        Map<String, String> settings = new HashMap<>();
        for (String pair : described.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return settings;
    }

    /** The layout of each partition of the changelog, read committed; none when the topic does not exist. */
    private static List<String> storedLayouts(Map<String, Object> kafkaClientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(kafkaClientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> changelog = consumer.listTopics(READ_TIMEOUT).getOrDefault(topic, List.of());
            List<TopicPartition> partitions = changelog.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<Integer, String> layoutByPartition = new HashMap<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (KEY.equals(record.key()) && record.value() != null) {
                        layoutByPartition.put(record.partition(), record.value());
                    }
                }
            }
            return List.copyOf(layoutByPartition.values());
        }
    }
}
