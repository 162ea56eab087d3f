package io.akhbar.model.deadletter;

import io.akhbar.model.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends records a Streams application cannot read or process to the dead-letter topic, with the original bytes
 * and the reason, and lets the stream go on. Streams produces the dead letter in the same transaction as the
 * task's other output, so under exactly-once a poison record is neither lost nor reported twice.
 */
public final class StreamsDeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    public static final String STAGE_CONFIG = "akhbar.deadletter.stage";
    public static final String TOPIC_CONFIG = "akhbar.deadletter.topic";
    private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetterHandler.class);

    private String stage;
    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        stage = Objects.requireNonNull((String) configs.get(STAGE_CONFIG), STAGE_CONFIG + " is required");
        topic = Objects.requireNonNull((String) configs.get(TOPIC_CONFIG), TOPIC_CONFIG + " is required");
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
    }

    private org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context,
                                                                                       Exception exception) {
        DeadLetter letter = DeadLetters.of(stage, context.topic(), context.partition(), context.offset(),
                context.sourceRawKey(), context.sourceRawValue(), null, exception, Instant.ofEpochMilli(context.timestamp()));
        log.warn("dead letter: stage={} topic={} partition={} offset={} key={} node={}: {}", stage, context.topic(),
                context.partition(), context.offset(), letter.getOriginalKey(), context.processorNodeId(),
                exception.toString());
        return DeadLetters.record(topic, letter);
    }
}
