package io.akhbar.enrich.story;

import java.util.TreeMap;

/**
 * A bit per band bucket written in each recent slot, consulted before reading the bucket from the store. An article
 * reads ten or more buckets, and nearly all of them are empty, since most texts are new: those reads were nearly a
 * fifth of the stream threads' CPU, a RocksDB lookup each through memtables and file filters. This answers most of
 * them from memory. It may say a bucket holds members when it does not (about one in nine at a million buckets a
 * slot, more beyond); it never says a bucket is empty when it is not.
 *
 * <p>That needs every write to a filtered slot to pass through it. A task's store may hold members written before the
 * task started (restored from the changelog, or kept on disk), but none in slots newer than the newest it had seen,
 * so only those slots are filtered; older ones are read from the store as before. Hence the filters take effect
 * once event time reaches a new slot after a start: at once for a replay into empty state, up to a slot
 * span ({@code enrich.window} × 8 by default) later for a live stream restarted with its state.
 *
 * <p>Filters are kept for the {@link #MAX_SLOTS} newest slots; an older slot loses its filter and is read from the
 * store again, for good, so that an out-of-order backfill allocates a filter at most once per slot.
 */
final class BucketFilter {
    /** A mebibyte a slot: at a million buckets one bit in nine is set, so one empty bucket in nine may hold members. */
    private static final int BITS_LOG2 = 23;
    /** Enough for the slots within a window of the newest article, and for a backfill's few newest slots. */
    static final int MAX_SLOTS = 4;

    private final TreeMap<Long, long[]> bitsBySlot = new TreeMap<>();
    /** Every bucket written in a slot from here on was written through {@link #written}. */
    private long firstFilteredSlot;

    /** @param firstEmptySlot a slot such that the store holds nothing in it or in any later slot */
    BucketFilter(long firstEmptySlot) {
        this.firstFilteredSlot = firstEmptySlot;
    }

    /** False only when the bucket has no members in that slot. */
    boolean mayHoldMembers(long slot, int band, long hash) {
        if (slot < firstFilteredSlot) {
            return true;
        }
        long[] bits = bitsBySlot.get(slot);
        if (bits == null) {
            return false;
        }
        int bit = bitOf(band, hash);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** Records that the bucket now has members in that slot. */
    void written(long slot, int band, long hash) {
        if (slot < firstFilteredSlot) {
            return;
        }
        long[] bits = bitsBySlot.get(slot);
        if (bits == null) {
            if (bitsBySlot.size() >= MAX_SLOTS) {
                if (slot < bitsBySlot.firstKey()) {
                    firstFilteredSlot = slot + 1;
                    return;
                }
                firstFilteredSlot = bitsBySlot.pollFirstEntry().getKey() + 1;
            }
            bits = new long[1 << (BITS_LOG2 - 6)];
            bitsBySlot.put(slot, bits);
        }
        int bit = bitOf(band, hash);
        bits[bit >>> 6] |= 1L << bit;
    }

    private static int bitOf(int band, long hash) {
        return (int) (((hash + band) * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - BITS_LOG2));
    }
}
