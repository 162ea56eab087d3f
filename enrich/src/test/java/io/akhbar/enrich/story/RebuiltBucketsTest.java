package io.akhbar.enrich.story;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RebuiltBucketsTest {
    private static final int ARTICLES = 50_000;
    private static final int BANDS = 10;
    private static final long SLOT = 1_700_000_000_000L;

    @Test
    void neverSaysABucketItWroteIsEmpty() {
        RebuiltBuckets rebuilt = RebuiltBuckets.intoEmptyBuckets((long) ARTICLES * BANDS);
        Random random = new Random(1);
        long[] hashes = new long[ARTICLES];
        for (int i = 0; i < ARTICLES; i++) {
            hashes[i] = random.nextLong();
            for (int band = 0; band < BANDS; band++) {
                rebuilt.written(SLOT, band, hashes[i]);
            }
        }
        for (long hash : hashes) {
            for (int band = 0; band < BANDS; band++) {
                assertThat(rebuilt.mayHoldMembers(SLOT, band, hash)).isTrue();
            }
        }
    }

    @Test
    void saysMostBucketsItDidNotWriteAreEmptyEvenWhenFull() {
        RebuiltBuckets rebuilt = RebuiltBuckets.intoEmptyBuckets((long) ARTICLES * BANDS);
        Random random = new Random(2);
        for (int i = 0; i < ARTICLES * BANDS; i++) {
            rebuilt.written(SLOT, i % BANDS, random.nextLong());
        }
        int mayHold = 0;
        int others = 100_000;
        for (int i = 0; i < others; i++) {
            mayHold += rebuilt.mayHoldMembers(SLOT + 1, i % BANDS, random.nextLong()) ? 1 : 0;
        }
        assertThat((double) mayHold / others).isLessThan(0.45);
    }
}
