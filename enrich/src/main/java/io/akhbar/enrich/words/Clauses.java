package io.akhbar.enrich.words;

import io.akhbar.text.ArabicNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut into clauses of normalised words, so that a name or a keyword phrase is never matched across a full stop
 * or a comma. Words are what {@link ArabicNormalizer#tokens} calls words.
 */
public final class Clauses implements ArabicNormalizer.WordSink {
    /**
     * Quotation marks and hyphens do not end a clause: the press quotes names (“أردوغان”) and hyphenates them
     * (Nur-Sultan). Obfuscating dots inside words (منـ.ـع) are gone after normalisation.
     */
    private static final String BETWEEN_CLAUSES = ".,;:!?()[]{}،؛؟";

    private final List<List<String>> clauses = new ArrayList<>();
    private List<String> clause = new ArrayList<>();

    private Clauses() {
    }

    public static List<List<String>> of(String text) {
        Clauses cut = new Clauses();
        ArabicNormalizer.scanWords(text, cut);
        cut.endClause();
        return cut.clauses;
    }

    @Override
    public void word(String word) {
        clause.add(word);
    }

    @Override
    public void punctuation(char c) {
        if (BETWEEN_CLAUSES.indexOf(c) >= 0) {
            endClause();
        }
    }

    private void endClause() {
        if (!clause.isEmpty()) {
            clauses.add(clause);
            clause = new ArrayList<>();
        }
    }
}
