package io.akhbar.model.streams;

import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.model.deadletter.StreamsDeadLetterHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The configuration every Akhbar Streams application shares: exactly-once, dead letters, one state directory. */
public final class StreamsConfigs {
    /** Kafka 5 turns this on by default; turning it on now keeps behaviour the same across the upgrade. */
    private static final String PROCESSING_HANDLER_FOR_GLOBAL_STATE = "processing.exception.handler.global.enabled";

    /**
     * Producer batches of 256 KiB instead of 16 KiB: an article is several KB, so default batches held three or four of
     * them, and the broker's work grows with batches more than with bytes: this cut the broker's CPU per article by
     * 40 to 50 % in the enrich benchmark (BENCHMARKS.md). A batch still leaves after {@code linger.ms} (100 ms in Streams) or at
     * the next commit, so no record waits longer, and the producer's default 32 MB of buffers holds 128 of them.
     */
    private static final int BATCH_BYTES = 256 * 1024;

    private StreamsConfigs() {
    }

    public static Properties of(String applicationId, String stage, KafkaSettings kafka, Path stateDir,
                                Map<String, ?> overrides) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, StreamsDeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, StreamsDeadLetterHandler.class);
        props.put(PROCESSING_HANDLER_FOR_GLOBAL_STATE, true);
        props.put(StreamsDeadLetterHandler.STAGE_CONFIG, stage);
        props.put(StreamsDeadLetterHandler.TOPIC_CONFIG, kafka.topics().deadLetters());
        producerDefault(props, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerDefault(props, ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), TopicSetup.LARGE_RECORD_BYTES);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(overrides);
        return props;
    }

    /** A producer setting of ours, unless {@code kafka.clientProperties} gives one, with or without the prefix. */
    private static void producerDefault(Properties props, String name, Object value) {
        String prefixed = StreamsConfig.producerPrefix(name);
        if (!props.containsKey(name) && !props.containsKey(prefixed)) {
            props.put(prefixed, value);
        }
    }
}
