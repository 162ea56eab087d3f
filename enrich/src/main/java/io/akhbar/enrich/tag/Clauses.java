package io.akhbar.enrich.tag;

import io.akhbar.text.ArabicNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text cut at punctuation into clauses of normalised words, so that a name is never matched across a full stop. */
final class Clauses {
    /**
     * Quotation marks and hyphens are left out on purpose: the press quotes names (“أردوغان”) and hyphenates them
     * (Nur-Sultan). Splitting runs after normalisation, which has already joined words split by dotted obfuscation.
     */
    private static final Pattern BETWEEN_CLAUSES = Pattern.compile("[.,;:!?()\\[\\]{}،؛؟]");

    private Clauses() {
    }

    static List<List<String>> of(String text) {
        List<List<String>> clauses = new ArrayList<>();
        for (String clause : BETWEEN_CLAUSES.split(ArabicNormalizer.normalize(text))) {
            List<String> words = ArabicNormalizer.tokens(clause);
            if (!words.isEmpty()) {
                clauses.add(words);
            }
        }
        return clauses;
    }
}
