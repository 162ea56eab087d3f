package io.akhbar.enrich.tag;

import org.apache.lucene.analysis.ar.ArabicStemmer;

import java.util.ArrayList;
import java.util.List;

/**
 * Lucene's light Arabic stemmer, the one the search analysis uses, applied to words that are already normalised:
 * the article and a leading و go, and dual, plural and pronoun suffixes, so العسكرية, عسكري and عسكريين agree.
 */
final class Stems {
    /** Stateless: {@link ArabicStemmer#stem} works on the array it is given. */
    private static final ArabicStemmer STEMMER = new ArabicStemmer();

    private Stems() {
    }

    static List<String> of(List<String> normalizedWords) {
        List<String> stems = new ArrayList<>(normalizedWords.size());
        for (String word : normalizedWords) {
            stems.add(of(word));
        }
        return stems;
    }

    static String of(String normalizedWord) {
        char[] letters = normalizedWord.toCharArray();
        return new String(letters, 0, stem(letters, letters.length));
    }

    /** Stems the word in the array's first {@code length} characters in place; returns the stem's length. */
    static int stem(char[] letters, int length) {
        return STEMMER.stem(letters, length);
    }
}
