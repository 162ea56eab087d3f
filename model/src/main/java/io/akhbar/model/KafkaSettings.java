package io.akhbar.model;

import java.util.HashMap;
import java.util.Map;

/**
 * How every service reaches Kafka. {@code clientProperties} passes anything else (security.protocol, sasl.*,
 * ssl.*) straight to the clients, so SASL/SSL deployments need no code change.
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, int partitions, int bandPartitions,
                            short replicationFactor, Map<String, String> clientProperties) {

    public static final int DEFAULT_PARTITIONS = 3;
    /**
     * One partition of band probes: an article's probe then goes to one band partition and is answered once, which
     * ran 10–34 % faster than three (BENCHMARKS.md). One stream thread should find the candidates of about ten
     * thousand articles a second (estimated from a profile), far beyond what a newsroom's sources publish; a larger
     * deployment raises it.
     */
    public static final int DEFAULT_BAND_PARTITIONS = 1;

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties == null ? Map.of() : clientProperties);
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "", DEFAULT_PARTITIONS, DEFAULT_BAND_PARTITIONS, (short) 1,
                Map.of());
    }

    public KafkaSettings withTopicPrefix(String prefix) {
        return new KafkaSettings(bootstrapServers, prefix, partitions, bandPartitions, replicationFactor,
                clientProperties);
    }

    public KafkaSettings validate() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrapServers is required");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("kafka.partitions must be at least 1, got " + partitions);
        }
        if (bandPartitions < 1) {
            throw new IllegalArgumentException("kafka.bandPartitions must be at least 1, got " + bandPartitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("kafka.replicationFactor must be at least 1, got " + replicationFactor);
        }
        return this;
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    /** The partitions Akhbar creates the topic with: {@code bandPartitions} for band probes, else {@code partitions}. */
    public int partitionsOf(String topic) {
        return topic.equals(topics().bandProbes()) ? bandPartitions : partitions;
    }

    /** Client properties with the bootstrap servers and overrides; callers add what their client needs. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
