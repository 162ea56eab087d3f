package io.akhbar.sink.write;

import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkDeadLettersTest {
    private static final byte[] VALUE = "not avro".getBytes(StandardCharsets.UTF_8);
    private static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>("akhbar.enriched.v1", 2, 41, "key-1", VALUE);

    @Test
    void keepsTheOriginalBytesAndWhereTheyCameFrom() {
        Instant now = Instant.parse("2024-05-01T00:00:00Z");

        DeadLetter letter = SinkDeadLetters.of(RECORD, "https://example.com/a", "SerializationException", "bad magic", now);

        assertThat(letter.getStage()).isEqualTo("sink");
        assertThat(letter.getOriginalTopic()).isEqualTo("akhbar.enriched.v1");
        assertThat(letter.getOriginalPartition()).isEqualTo(2);
        assertThat(letter.getOriginalOffset()).isEqualTo(41L);
        assertThat(letter.getOriginalKey()).isEqualTo("key-1");
        assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(VALUE));
        assertThat(letter.getUrl()).isEqualTo("https://example.com/a");
        assertThat(letter.getErrorClass()).isEqualTo("SerializationException");
        assertThat(letter.getErrorMessage()).isEqualTo("bad magic");
        assertThat(letter.getFailedAt()).isEqualTo(now);
    }

    @Test
    void sendsKeyedLikeTheOriginal() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SinkDeadLetters deadLetters = new SinkDeadLetters(producer, "akhbar.deadletters.v1");

        deadLetters.send(PendingRecord.unindexable(RECORD, null), "SerializationException", "bad magic");
        deadLetters.flush();

        assertThat(producer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("akhbar.deadletters.v1");
            assertThat(sent.key()).isEqualTo("key-1");
            assertThat(AkhbarSerdes.DEAD_LETTER.decode(sent.value()).getErrorMessage()).isEqualTo("bad magic");
        });
    }

    @Test
    void flushFailsWhenADeadLetterWasLost() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        SinkDeadLetters deadLetters = new SinkDeadLetters(producer, "akhbar.deadletters.v1");

        deadLetters.send(PendingRecord.unindexable(RECORD, null), "SerializationException", "bad magic");
        producer.errorNext(new RuntimeException("broker gone"));

        assertThatThrownBy(deadLetters::flush).isInstanceOf(IllegalStateException.class).hasMessageContaining("broker gone");
    }
}
