package io.akhbar.model.streams;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private static final TopicPartition BUCKETS_0 = new TopicPartition("app-band-buckets-changelog", 0);
    private static final TopicPartition BUCKETS_1 = new TopicPartition("app-band-buckets-changelog", 1);
    private static final TopicPartition STORIES_0 = new TopicPartition("app-stories-changelog", 0);

    private final AtomicLong clock = new AtomicLong();
    private final RestoreProgress progress = new RestoreProgress("enrich", clock::get);

    @Test
    void countsTheChangelogOffsetsLeftOverEveryStoreBeingRestored() {
        progress.onRestoreStart(BUCKETS_0, "band-buckets", 0, 1_000);
        progress.onRestoreStart(BUCKETS_1, "band-buckets", 200, 1_200);
        progress.onRestoreStart(STORIES_0, "stories", 0, 500);
        assertThat(progress.remaining()).isEqualTo(2_500);

        progress.onBatchRestored(BUCKETS_0, "band-buckets", 399, 400);
        progress.onBatchRestored(BUCKETS_1, "band-buckets", 699, 500);
        assertThat(progress.remaining()).isEqualTo(1_600);

        progress.onRestoreEnd(STORIES_0, "stories", 480);
        assertThat(progress.remaining()).isEqualTo(1_100);
        progress.onRestoreEnd(BUCKETS_0, "band-buckets", 1_000);
        progress.onRestoreSuspended(BUCKETS_1, "band-buckets", 600);
        assertThat(progress.remaining()).isZero();
        assertThat(progress.progress()).isNull();
    }

    @Test
    void reportsTheShareReadTheRateAndTheTimeLeft() {
        progress.onRestoreStart(BUCKETS_0, "band-buckets", 0, 4_000);
        clock.addAndGet(10 * SECOND);
        progress.onBatchRestored(BUCKETS_0, "band-buckets", 999, 990);

        assertThat(progress.progress()).isEqualTo("restoring state (restore 1): 25 % of 4,000 changelog offsets read"
                + " in 10 s, 990 records, 100 offsets/s, about 30 s left; store partitions still restoring: 1");
    }

    @Test
    void aRestoreThatStartsAfterTheLastOneEndedIsCountedAfresh() {
        progress.onRestoreStart(BUCKETS_0, "band-buckets", 0, 100);
        progress.onBatchRestored(BUCKETS_0, "band-buckets", 99, 100);
        progress.onRestoreEnd(BUCKETS_0, "band-buckets", 100);

        progress.onRestoreStart(STORIES_0, "stories", 50, 250);
        clock.addAndGet(2 * SECOND);
        progress.onBatchRestored(STORIES_0, "stories", 149, 100);

        assertThat(progress.remaining()).isEqualTo(100);
        assertThat(progress.progress()).startsWith("restoring state (restore 2): 50 % of 200 changelog offsets read");
    }

    @Test
    void aBatchForAPartitionNotBeingRestoredChangesNothing() {
        progress.onRestoreStart(BUCKETS_0, "band-buckets", 0, 100);
        progress.onBatchRestored(STORIES_0, "stories", 49, 50);

        assertThat(progress.remaining()).isEqualTo(100);
    }
}
