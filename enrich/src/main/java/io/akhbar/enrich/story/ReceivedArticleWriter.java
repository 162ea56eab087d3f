package io.akhbar.enrich.story;

import io.akhbar.model.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The one writer of the {@link StoreNames#RECEIVED_ARTICLES} store: it keeps every record of the articles topic as
 * the bytes it came in, and forgets an article on a tombstone. Kafka Streams restores that store by copying the same
 * topic's records into it, so what this writes must be exactly those records, unchanged re-crawls included: a store
 * rebuilt after a crash then holds what the lost one held.
 */
public final class ReceivedArticleWriter implements Processor<String, ReceivedArticle, Void, Void> {
    private KeyValueStore<String, byte[]> received;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.received = context.getStateStore(StoreNames.RECEIVED_ARTICLES);
    }

    @Override
    public void process(Record<String, ReceivedArticle> record) {
        if (record.value() == null) {
            received.delete(record.key());
        } else {
            received.put(record.key(), record.value().bytes());
        }
    }
}
