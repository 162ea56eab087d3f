package io.akhbar.enrich.dedup;

/**
 * Locality-sensitive hashing by banding: a signature is cut into bands of rows; two texts become candidates when
 * any band is identical. With b bands of r rows, a pair of Jaccard similarity s becomes a candidate with
 * probability 1 - (1 - s^r)^b.
 */
public record LshBands(int bands, int rows) {

    public LshBands {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be positive");
        }
    }

    /** The signature values the bands are made of, its first ones; the signature may be longer. */
    public int valuesUsed() {
        return bands * rows;
    }

    /** A hash of each band's rows; equal hashes of one band put two texts in one bucket. */
    public long[] bandHashes(int[] signature) {
        if (signature.length < valuesUsed()) {
            throw new IllegalArgumentException("signature has " + signature.length + " values, bands need "
                    + valuesUsed());
        }
        long[] hashes = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = 1125899906842597L;
            for (int row = 0; row < rows; row++) {
                h = 31 * h + signature[band * rows + row];
            }
            hashes[band] = h;
        }
        return hashes;
    }

    /** The bucket key of a band: its index and its hash. */
    public static String bucketKey(int band, long hash) {
        return band + ":" + Long.toHexString(hash);
    }

    /** The partition that owns a bucket, among {@code partitions}: the same in every instance. */
    public static int owner(int band, long hash, int partitions) {
        return Math.floorMod(MinHasher.mix(hash + band), partitions);
    }

    public double candidateProbability(double similarity) {
        return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
    }
}
