package io.akhbar.enrich.story;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BucketFilterTest {
    private static final long SLOT = 56L * 24 * 3600 * 1000;
    private static final int BANDS = 10;

    @Test
    void aBucketWrittenInAFilteredSlotIsNeverTakenForEmpty() {
        BucketFilter filter = new BucketFilter(Long.MIN_VALUE);
        long[][] written = new long[200_000][];
        Random random = new Random(7);
        for (int i = 0; i < written.length; i++) {
            written[i] = new long[] {random.nextInt(BucketFilter.MAX_SLOTS) * SLOT, random.nextInt(BANDS),
                    random.nextLong()};
            filter.written(written[i][0], (int) written[i][1], written[i][2]);
        }
        for (long[] bucket : written) {
            assertThat(filter.mayHoldMembers(bucket[0], (int) bucket[1], bucket[2])).isTrue();
        }
    }

    @Test
    void mostBucketsNeverWrittenAreKnownToBeEmpty() {
        BucketFilter filter = new BucketFilter(Long.MIN_VALUE);
        Random random = new Random(11);
        for (int article = 0; article < 100_000; article++) {
            for (int band = 0; band < BANDS; band++) {
                filter.written(SLOT, band, random.nextLong());
            }
        }
        int mayHold = 0;
        int probes = 100_000;
        for (int i = 0; i < probes; i++) {
            mayHold += filter.mayHoldMembers(SLOT, random.nextInt(BANDS), random.nextLong()) ? 1 : 0;
        }
        assertThat((double) mayHold / probes).isLessThan(0.15);
        assertThat(filter.mayHoldMembers(2 * SLOT, 0, random.nextLong())).as("a slot never written").isFalse();
    }

    @Test
    void slotsTheStoreHeldBeforeTheFilterAreAlwaysRead() {
        BucketFilter filter = new BucketFilter(5 * SLOT);
        assertThat(filter.mayHoldMembers(4 * SLOT, 0, 1)).isTrue();
        assertThat(filter.mayHoldMembers(5 * SLOT, 0, 1)).isFalse();
        filter.written(4 * SLOT, 0, 1);
        assertThat(filter.mayHoldMembers(4 * SLOT, 3, 2)).isTrue();
    }

    @Test
    void theOldestSlotLosesItsFilterToANewerOneAndIsReadFromThenOn() {
        BucketFilter filter = new BucketFilter(Long.MIN_VALUE);
        for (int slot = 1; slot <= BucketFilter.MAX_SLOTS; slot++) {
            filter.written(slot * SLOT, 0, slot);
        }
        assertThat(filter.mayHoldMembers(SLOT, 1, 42)).isFalse();

        filter.written((BucketFilter.MAX_SLOTS + 1) * SLOT, 0, 99);

        assertThat(filter.mayHoldMembers(SLOT, 1, 42)).isTrue();
        assertThat(filter.mayHoldMembers(2 * SLOT, 1, 42)).isFalse();
        assertThat(filter.mayHoldMembers((BucketFilter.MAX_SLOTS + 1) * SLOT, 0, 99)).isTrue();
    }

    @Test
    void aLateWriteBeforeEveryFilteredSlotIsReadFromThenOnWithoutDisplacingThem() {
        BucketFilter filter = new BucketFilter(Long.MIN_VALUE);
        for (int slot = 10; slot < 10 + BucketFilter.MAX_SLOTS; slot++) {
            filter.written(slot * SLOT, 0, slot);
        }

        filter.written(5 * SLOT, 2, 7);

        assertThat(filter.mayHoldMembers(5 * SLOT, 2, 7)).isTrue();
        assertThat(filter.mayHoldMembers(5 * SLOT, 4, 8)).isTrue();
        assertThat(filter.mayHoldMembers(10 * SLOT, 0, 10)).isTrue();
        assertThat(filter.mayHoldMembers(10 * SLOT, 4, 8)).isFalse();
        assertThat(filter.mayHoldMembers(7 * SLOT, 4, 8)).as("a slot never written, after the late one").isFalse();
    }
}
