package io.akhbar.enrich.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * MinHash signatures over word shingles, by one-permutation hashing: each shingle is hashed once, and the hash's
 * high bits choose one of the signature's bins, whose value is the least of the low bits that fall into it. The
 * estimated Jaccard similarity of two texts' shingle sets is the share of positions where their signatures agree.
 * Hashes are seeded constants, so signatures are the same in every instance and on every replay.
 *
 * <p>One hash per shingle instead of one per shingle and position: the classic scheme's loop over every position for
 * every shingle was a tenth of the enrich stream's CPU. A bin that no shingle falls into (a short text has many)
 * borrows the value of a non-empty bin chosen by a sequence of hashes of its position, the same sequence in every
 * text: Shrivastava's optimal densification (ICML 2017), which keeps the estimate unbiased.
 */
public final class MinHasher {
    /** Values a sketch byte can take: agreement by chance in a b-bit MinHash with b = 8. */
    private static final double CHANCE_AGREEMENT = 1.0 / 256;
    private static final long EMPTY = Long.MAX_VALUE;
    private static final long DENSIFICATION_SEED = 0x5DEECE66DL;

    private final int numHashes;
    private final int shingleSize;

    public MinHasher(int numHashes, int shingleSize) {
        if (numHashes < 1 || shingleSize < 1) {
            throw new IllegalArgumentException("numHashes and shingleSize must be positive");
        }
        this.numHashes = numHashes;
        this.shingleSize = shingleSize;
    }

    /** Signature of a text given as normalised tokens; a text shorter than one shingle is one shingle. */
    public int[] signature(List<String> tokens) {
        long[] tokenHashes = new long[tokens.size()];
        for (int t = 0; t < tokenHashes.length; t++) {
            tokenHashes[t] = tokenHash(tokens.get(t));
        }
        long[] min = new long[numHashes];
        Arrays.fill(min, EMPTY);
        int shingles = Math.max(1, tokenHashes.length - shingleSize + 1);
        for (int start = 0; start < shingles; start++) {
            long shingle = shingleHash(tokenHashes, start);
            int bin = (int) (((shingle >>> 32) * numHashes) >>> 32);
            long value = shingle & 0xFFFFFFFFL;
            if (value < min[bin]) {
                min[bin] = value;
            }
        }
        int[] signature = new int[numHashes];
        for (int i = 0; i < numHashes; i++) {
            signature[i] = (int) (min[i] != EMPTY ? min[i] : min[donorOf(i, min)]);
        }
        return signature;
    }

    /** The non-empty bin an empty one borrows from: the first hit of a hash sequence that depends on its position. */
    private int donorOf(int bin, long[] min) {
        long state = mix(DENSIFICATION_SEED + bin);
        while (true) {
            state = mix(state + 0x9E3779B97F4A7C15L);
            int donor = (int) (((state >>> 32) * numHashes) >>> 32);
            if (min[donor] != EMPTY) {
                return donor;
            }
        }
    }

    /** Estimated Jaccard similarity of two signatures. */
    public static double similarity(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    /**
     * The lowest byte of each signature value (a b-bit MinHash): a quarter of the signature's size, for the copies
     * that band buckets keep, at the cost of a chance agreement of 1/256 per position, which
     * {@link #sketchSimilarity} takes out.
     */
    public static byte[] sketch(int[] signature) {
        byte[] sketch = new byte[signature.length];
        for (int i = 0; i < signature.length; i++) {
            sketch[i] = (byte) signature[i];
        }
        return sketch;
    }

    /** Estimated Jaccard similarity of two sketches. */
    public static double sketchSimilarity(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        double agreement = (double) same / n;
        return Math.max(0, (agreement - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT));
    }

    public static ByteBuffer encode(int[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * Integer.BYTES);
        buffer.asIntBuffer().put(signature);
        return buffer;
    }

    public static int[] decode(ByteBuffer bytes) {
        ByteBuffer view = bytes.duplicate();
        int[] signature = new int[view.remaining() / Integer.BYTES];
        view.asIntBuffer().get(signature);
        return signature;
    }

    private long shingleHash(long[] tokenHashes, int start) {
        long h = 0xCBF29CE484222325L;
        int end = Math.min(tokenHashes.length, start + shingleSize);
        for (int t = start; t < end; t++) {
            h = (h ^ tokenHashes[t]) * 0x100000001B3L;
        }
        return mix(h);
    }

    private static long tokenHash(String token) {
        long h = 0xCBF29CE484222325L;
        for (int c = 0; c < token.length(); c++) {
            h = (h ^ token.charAt(c)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: a cheap, well-distributed 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
