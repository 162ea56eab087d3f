package io.akhbar.enrich.tag;

import io.akhbar.text.ArabicNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut into clauses of normalised words, so that a name or a keyword phrase is never matched across a full stop
 * or a comma. Words are what {@link ArabicNormalizer#tokens} calls words; the text is normalised once, because
 * normalising is most of the cost of tagging.
 */
final class Clauses {
    /**
     * Quotation marks and hyphens do not end a clause: the press quotes names (“أردوغان”) and hyphenates them
     * (Nur-Sultan). Obfuscating dots inside words (منـ.ـع) are gone after normalisation.
     */
    private static final String BETWEEN_CLAUSES = ".,;:!?()[]{}،؛؟";

    private Clauses() {
    }

    static List<List<String>> of(String text) {
        String normalized = ArabicNormalizer.normalize(text);
        List<List<String>> clauses = new ArrayList<>();
        List<String> clause = new ArrayList<>();
        int wordStart = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            char c = i < normalized.length() ? normalized.charAt(i) : '.';
            if (ArabicNormalizer.isWordCharacter(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                continue;
            }
            if (wordStart >= 0) {
                clause.add(normalized.substring(wordStart, i));
                wordStart = -1;
            }
            if (BETWEEN_CLAUSES.indexOf(c) >= 0 && !clause.isEmpty()) {
                clauses.add(clause);
                clause = new ArrayList<>();
            }
        }
        return clauses;
    }
}
