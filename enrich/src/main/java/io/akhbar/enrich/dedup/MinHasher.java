package io.akhbar.enrich.dedup;

import java.util.List;

/**
 * MinHash signatures over word shingles. The estimated Jaccard similarity of two texts' shingle sets is the share
 * of positions where their signatures agree. Hashes are seeded constants, so signatures are the same in every
 * instance and on every replay.
 */
public final class MinHasher {
    private final int shingleSize;
    private final long[] seeds;

    public MinHasher(int numHashes, int shingleSize) {
        if (numHashes < 1 || shingleSize < 1) {
            throw new IllegalArgumentException("numHashes and shingleSize must be positive");
        }
        this.shingleSize = shingleSize;
        this.seeds = new long[numHashes];
        long state = 0x5DEECE66DL;
        for (int i = 0; i < numHashes; i++) {
            state = mix(state + 0x9E3779B97F4A7C15L);
            seeds[i] = state;
        }
    }

    public int numHashes() {
        return seeds.length;
    }

    /** Signature of a text given as normalised tokens; a text shorter than one shingle is one shingle. */
    public int[] signature(List<String> tokens) {
        long[] min = new long[seeds.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, tokens.size() - shingleSize + 1);
        for (int start = 0; start < shingles; start++) {
            long shingle = shingleHash(tokens, start);
            for (int i = 0; i < seeds.length; i++) {
                long h = mix(shingle ^ seeds[i]);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        int[] signature = new int[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            signature[i] = (int) (min[i] ^ (min[i] >>> 32));
        }
        return signature;
    }

    public static double similarity(List<Integer> a, List<Integer> b) {
        int n = Math.min(a.size(), b.size());
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a.get(i).intValue() == b.get(i).intValue()) {
                same++;
            }
        }
        return (double) same / n;
    }

    private long shingleHash(List<String> tokens, int start) {
        long h = 0xCBF29CE484222325L;
        int end = Math.min(tokens.size(), start + shingleSize);
        for (int t = start; t < end; t++) {
            String token = tokens.get(t);
            for (int c = 0; c < token.length(); c++) {
                h = (h ^ token.charAt(c)) * 0x100000001B3L;
            }
            h = (h ^ ' ') * 0x100000001B3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a cheap, well-distributed 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
