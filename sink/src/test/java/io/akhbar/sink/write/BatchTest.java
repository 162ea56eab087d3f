package io.akhbar.sink.write;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BatchTest {
    private static final TopicPartition P0 = new TopicPartition("enriched", 0);
    private static final TopicPartition P1 = new TopicPartition("enriched", 1);

    private final Batch batch = new Batch();

    @Test
    void commitsEachPartitionUpToItsFirstUnsettledRecord() {
        PendingRecord p0a = add(P0, 10, 100);
        PendingRecord p1a = add(P1, 5, 100);
        PendingRecord p0b = add(P0, 11, 100);
        add(P0, 12, 100);
        PendingRecord p1b = add(P1, 6, 100);
        p0a.settle();
        p0b.settle();
        p1b.settle();

        assertThat(batch.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));

        p1a.settle();
        assertThat(batch.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12), P1, new OffsetAndMetadata(7)));
    }

    @Test
    void recordsWithoutDocumentNeverGoToElasticsearch() {
        PendingRecord indexable = add(P0, 1, 100);
        PendingRecord unreadable = PendingRecord.unindexable(new ConsumerRecord<>(P0.topic(), 0, 2, "k", new byte[] {1}), null);
        batch.add(unreadable, 0);

        assertThat(batch.awaitingElasticsearch()).containsExactly(indexable);
        indexable.settle();
        assertThat(batch.awaitingElasticsearch()).isEmpty();
        assertThat(batch.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
        unreadable.settle();
        assertThat(batch.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void dropsRevokedPartitionsAndCommitsOnlyWhatWasAskedFor() {
        add(P0, 1, 100).settle();
        add(P1, 1, 100).settle();

        assertThat(batch.holdsAny(List.of(P1))).isTrue();
        assertThat(batch.committableOffsets(List.of(P1))).isEqualTo(Map.of(P1, new OffsetAndMetadata(2)));
        batch.drop(List.of(P1));
        assertThat(batch.holdsAny(List.of(P1))).isFalse();
        assertThat(batch.size()).isEqualTo(1);
        assertThat(batch.committableOffsets()).containsOnlyKeys(P0);
    }

    @Test
    void isDueWhenFullBigOrOld() {
        assertThat(batch.isDue(2, 1000, Duration.ofSeconds(1), Long.MAX_VALUE)).as("empty").isFalse();
        add(P0, 1, 300);
        assertThat(batch.isDue(2, 1000, Duration.ofSeconds(1), 0)).isFalse();
        assertThat(batch.isDue(2, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1).toNanos())).as("old").isTrue();
        add(P0, 2, 300);
        assertThat(batch.isDue(2, 1000, Duration.ofSeconds(1), 0)).as("full").isTrue();
        assertThat(batch.isDue(3, 600, Duration.ofSeconds(1), 0)).as("big").isTrue();
        batch.drop(List.of(P0));
        assertThat(batch.isDue(1, 1, Duration.ofSeconds(1), Long.MAX_VALUE)).as("emptied").isFalse();
    }

    private PendingRecord add(TopicPartition partition, long offset, int jsonBytes) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "id" + offset, new byte[0]);
        PendingRecord pending = PendingRecord.indexable(record, new VersionedDocument("id" + offset, 1, "u", new byte[jsonBytes]),
                PendingRecord.ArticleTimes.UNKNOWN);
        batch.add(pending, 0);
        return pending;
    }
}
