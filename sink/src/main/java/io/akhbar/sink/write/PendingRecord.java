package io.akhbar.sink.write;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;

/**
 * A consumed record on its way into Elasticsearch. It is settled once nothing more needs doing for it: indexed,
 * found stale, or handed to the dead-letter topic. Only settled records may have their offsets committed.
 */
final class PendingRecord {
    private final ConsumerRecord<String, byte[]> record;
    private final TopicPartition partition;
    private final VersionedDocument document;
    private final String url;
    private final ArticleTimes times;
    private boolean settled;

    /** When the article was published (null if unknown) and fetched: what freshness is measured from. */
    record ArticleTimes(Instant publishedAt, Instant fetchedAt) {
        static final ArticleTimes UNKNOWN = new ArticleTimes(null, null);
    }

    private PendingRecord(ConsumerRecord<String, byte[]> record, VersionedDocument document, String url,
                          ArticleTimes times) {
        this.record = record;
        this.partition = new TopicPartition(record.topic(), record.partition());
        this.document = document;
        this.url = url;
        this.times = times;
    }

    static PendingRecord indexable(ConsumerRecord<String, byte[]> record, VersionedDocument document, ArticleTimes times) {
        return new PendingRecord(record, document, document.url(), times);
    }

    /** A record that cannot become a document; it still occupies its offset until its dead letter is sent. */
    static PendingRecord unindexable(ConsumerRecord<String, byte[]> record, String url) {
        return new PendingRecord(record, null, url, ArticleTimes.UNKNOWN);
    }

    ArticleTimes times() {
        return times;
    }

    ConsumerRecord<String, byte[]> record() {
        return record;
    }

    TopicPartition partition() {
        return partition;
    }

    long offset() {
        return record.offset();
    }

    /** Null for a record that cannot become a document. */
    VersionedDocument document() {
        return document;
    }

    /** The article's URL where the record could be read that far, else null. */
    String url() {
        return url;
    }

    String id() {
        return document != null ? document.id() : record.key();
    }

    boolean awaitsElasticsearch() {
        return document != null && !settled;
    }

    boolean isSettled() {
        return settled;
    }

    void settle() {
        settled = true;
    }

    long sizeInBytes() {
        return document == null ? 0 : document.json().length;
    }

    /** Where the record came from, as {@code topic-partition@offset}. */
    String origin() {
        return partition + "@" + record.offset();
    }
}
