package io.akhbar.enrich.tag;

import java.util.Collection;

/**
 * A bit per hash of the words a table is keyed by, consulted before the table itself. Nearly every word of an
 * article starts no name and no keyword, and a table of tens of thousands of written forms does not stay in the
 * processor's caches while a stream thread also runs Kafka and RocksDB: each miss costs a trip to memory. This bit
 * set is small enough to stay cached and answers most of those words alone. It may say yes for a word that is not
 * in the table (one in eight or fewer, by its size); it never says no for one that is.
 */
final class WordFilter {
    private static final int BITS_PER_WORD = 8;
    private static final int MIN_BITS_LOG2 = 10;

    private final long[] bits;
    private final int shift;

    private WordFilter(long[] bits, int shift) {
        this.bits = bits;
        this.shift = shift;
    }

    static WordFilter of(Collection<String> words) {
        int log2 = MIN_BITS_LOG2;
        while ((1L << log2) < (long) words.size() * BITS_PER_WORD) {
            log2++;
        }
        WordFilter filter = new WordFilter(new long[1 << (log2 - 6)], Integer.SIZE - log2);
        for (String word : words) {
            int bit = filter.bitOf(word.hashCode());
            filter.bits[bit >>> 6] |= 1L << bit;
        }
        return filter;
    }

    boolean mayContain(String word) {
        return isSet(bitOf(word.hashCode()));
    }

    /** As {@link #mayContain(String)} for the word in the array's first {@code length} characters. */
    boolean mayContain(char[] chars, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i];
        }
        return isSet(bitOf(hash));
    }

    private boolean isSet(int bit) {
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * The top bits of {@link String#hashCode} (which the loop above computes alike) times a golden-ratio constant:
     * the hash itself is weak in its low bits for short words.
     */
    private int bitOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
