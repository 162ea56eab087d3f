package io.akhbar.ingest.extract;

import io.akhbar.text.ArabicNormalizer;

import java.text.Normalizer;

/** Text as people will read it: {@link ArabicNormalizer#repair}, skipped where it cannot change anything. */
final class Display {
    private static final char ARABIC_START = '\u0600';

    private Display() {
    }

    /**
     * Block text arrives with white space already folded. Text without Arabic letters, tatweel or invisible
     * characters that is already in NFKC then has nothing left for repair to do, and English pages are mostly
     * that: skipping saves a normalisation pass per paragraph.
     */
    static String repair(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ARABIC_START || c == '\u00AD') {
                return ArabicNormalizer.repair(text);
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text.strip() : ArabicNormalizer.repair(text);
    }
}
