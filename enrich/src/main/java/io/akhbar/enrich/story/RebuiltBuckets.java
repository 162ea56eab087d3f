package io.akhbar.enrich.story;

import io.akhbar.model.internal.BandMembers;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Which buckets a rebuild into empty band buckets has written so far, a bit per bucket and slot: one it has not
 * written is still empty, so the rebuild need not read it back before adding an article, which is most of them (most
 * texts are new). It may say a bucket holds members when it does not, never the reverse. When the buckets held
 * members before the rebuild (left behind, not lost), every bucket is read.
 */
final class RebuiltBuckets {
    /**
     * Two bits per bucket the rebuild will write: at its end, six bucket reads in ten are still saved, about eight in
     * ten over the whole of it.
     */
    private static final int BITS_PER_BUCKET_LOG2 = 1;
    private static final int MIN_BITS_LOG2 = 16;
    /** 32 MB of heap for the length of a rebuild, whatever the state: more would crowd the stream's heap. */
    private static final int MAX_BITS_LOG2 = 28;

    private final long[] bits;
    private final int shift;

    private RebuiltBuckets(long[] bits, int shift) {
        this.bits = bits;
        this.shift = shift;
    }

    /**
     * @param buckets        the store to rebuild
     * @param bucketsToWrite about how many bucket entries the rebuild will write (articles times bands): sizes the bits
     */
    static RebuiltBuckets of(WindowStore<String, BandMembers> buckets, long bucketsToWrite) {
        try (KeyValueIterator<Windowed<String>, BandMembers> any = buckets.all()) {
            return any.hasNext() ? new RebuiltBuckets(null, 0) : intoEmptyBuckets(bucketsToWrite);
        }
    }

    static RebuiltBuckets intoEmptyBuckets(long bucketsToWrite) {
        int log2 = MIN_BITS_LOG2;
        while (log2 < MAX_BITS_LOG2 && (1L << log2) < bucketsToWrite << BITS_PER_BUCKET_LOG2) {
            log2++;
        }
        return new RebuiltBuckets(new long[1 << (log2 - 6)], Long.SIZE - log2);
    }

    /** False only when the rebuild started from empty buckets and has not written this one. */
    boolean mayHoldMembers(long slot, int band, long hash) {
        if (bits == null) {
            return true;
        }
        int bit = bitOf(slot, band, hash);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    void written(long slot, int band, long hash) {
        if (bits != null) {
            int bit = bitOf(slot, band, hash);
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    private int bitOf(long slot, int band, long hash) {
        return (int) ((((hash + band) * 0x9E3779B97F4A7C15L) ^ slot) * 0xC2B2AE3D27D4EB4FL >>> shift);
    }
}
