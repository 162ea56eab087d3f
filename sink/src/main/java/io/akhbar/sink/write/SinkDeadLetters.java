package io.akhbar.sink.write;

import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the records the sink gives up on to the dead-letter topic, keyed like the original. Sends are asynchronous;
 * {@link #flush()} waits for them and fails if any failed, so that no offset is committed past a lost dead letter.
 */
final class SinkDeadLetters implements AutoCloseable {
    static final String STAGE = "sink";

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    SinkDeadLetters(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    void send(PendingRecord record, String errorClass, String errorMessage) {
        DeadLetter letter = of(record.record(), record.url(), errorClass, errorMessage, Instant.now());
        producer.send(new ProducerRecord<>(topic, record.record().key(), AkhbarSerdes.DEAD_LETTER.encode(letter)),
                (metadata, error) -> {
                    if (error != null) {
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + topic + ": " + failure, failure);
        }
    }

    static DeadLetter of(ConsumerRecord<String, byte[]> record, String url, String errorClass, String errorMessage,
                         Instant failedAt) {
        return DeadLetter.newBuilder()
                .setStage(STAGE)
                .setOriginalTopic(record.topic())
                .setOriginalPartition(record.partition())
                .setOriginalOffset(record.offset())
                .setOriginalKey(record.key())
                .setOriginalValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setUrl(url)
                .setErrorClass(errorClass)
                .setErrorMessage(errorMessage)
                .setFailedAt(failedAt)
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
