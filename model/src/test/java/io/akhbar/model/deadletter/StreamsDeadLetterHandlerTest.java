package io.akhbar.model.deadletter;

import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsDeadLetterHandlerTest {

    /** The context Streams hands the handler for a record at offset 41 of partition 2. */
    private record SourceRecordContext(byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
        public String topic() { return "akhbar.articles.v1"; }
        public int partition() { return 2; }
        public long offset() { return 41; }
        public Headers headers() { return new RecordHeaders(); }
        public String processorNodeId() { return "articles"; }
        public TaskId taskId() { return new TaskId(0, 2); }
        public long timestamp() { return 1_700_000_000_000L; }
    }

    @Test
    void anUnreadableRecordBecomesADeadLetterWithItsBytesWhereItCameFromAndWhy() {
        StreamsDeadLetterHandler handler = new StreamsDeadLetterHandler();
        handler.configure(Map.of(StreamsDeadLetterHandler.STAGE_CONFIG, "enrich",
                StreamsDeadLetterHandler.TOPIC_CONFIG, "akhbar.deadletters.v1"));
        byte[] key = "k1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {1, 2, 3};

        DeserializationExceptionHandler.Response response = handler.handleError(new SourceRecordContext(key, value),
                new ConsumerRecord<>("akhbar.articles.v1", 2, 41, key, value), new SerializationException("bad bytes"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
        assertThat(record.topic()).isEqualTo("akhbar.deadletters.v1");
        assertThat(record.key()).isEqualTo(key);
        DeadLetter letter = AkhbarSerdes.DEAD_LETTER.decode(record.value());
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getOriginalTopic()).isEqualTo("akhbar.articles.v1");
        assertThat(letter.getOriginalPartition()).isEqualTo(2);
        assertThat(letter.getOriginalOffset()).isEqualTo(41L);
        assertThat(letter.getOriginalValue().array()).isEqualTo(value);
        assertThat(letter.getErrorClass()).isEqualTo(SerializationException.class.getName());
        assertThat(letter.getErrorMessage()).isEqualTo("bad bytes");
    }
}
