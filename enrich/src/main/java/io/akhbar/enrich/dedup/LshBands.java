package io.akhbar.enrich.dedup;

import java.util.ArrayList;
import java.util.List;

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

    public int signatureLength() {
        return bands * rows;
    }

    /** The bucket key of each band: the band's index and a hash of its rows. */
    public List<String> bucketKeys(int[] signature) {
        if (signature.length < signatureLength()) {
            throw new IllegalArgumentException("signature has " + signature.length + " values, bands need " + signatureLength());
        }
        List<String> keys = new ArrayList<>(bands);
        for (int band = 0; band < bands; band++) {
            long h = 1125899906842597L;
            for (int row = 0; row < rows; row++) {
                h = 31 * h + signature[band * rows + row];
            }
            keys.add(band + ":" + Long.toHexString(h));
        }
        return keys;
    }

    public double candidateProbability(double similarity) {
        return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
    }
}
