package io.akhbar.model.deadletter;

import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds dead-letter records the same way in every stage, and counts them. */
public final class DeadLetters {
    public static final String METRIC = "akhbar.deadletters";

    private DeadLetters() {
    }

    public static DeadLetter of(String stage, String topic, Integer partition, Long offset, byte[] key, byte[] value,
                                String url, Throwable error, Instant failedAt) {
        Metrics.counter(METRIC, "stage", stage, "reason", error.getClass().getSimpleName()).increment();
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setOriginalTopic(topic)
                .setOriginalPartition(partition)
                .setOriginalOffset(offset)
                .setOriginalKey(key == null ? null : new String(key, StandardCharsets.UTF_8))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setUrl(url)
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(String.valueOf(error.getMessage()))
                .setFailedAt(failedAt)
                .build();
    }

    public static ProducerRecord<byte[], byte[]> record(String deadLetterTopic, DeadLetter letter) {
        byte[] key = letter.getOriginalKey() == null ? null : letter.getOriginalKey().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(deadLetterTopic, key, AkhbarSerdes.DEAD_LETTER.encode(letter));
    }
}
