package io.akhbar.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Conjunctions and prepositions that Arabic writes joined to the next word: وأردوغان، لبوتين، بإدلب، والكرملين.
 *
 * <p>The article ال is part of a name and stays: names either always carry it (الكرملين، الرقة) or never do
 * (سوريا، أردوغان), and stripping it would turn adjectives into names (السورية into سورية). So وال، بال، فال، كال
 * lose only their first letter, and لل، ولل، فلل, where ل swallowed the alef of ال (للأمم المتحدة), get it back.
 */
final class Proclitics {
    /** Shorter remainders are too often ordinary words: ب + يد, ك + يف. */
    static final int MIN_STEM_LETTERS = 3;
    private static final String ARTICLE = "ال";
    private static final List<String> JOINED = List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل");
    private static final List<String> JOINED_TO_ARTICLE = List.of("لل", "ولل", "فلل");

    private Proclitics() {
    }

    /** The ways to read a normalised word: first as written, then without a proclitic, shortest proclitic first. */
    static List<String> readings(String word) {
        List<String> readings = new ArrayList<>(4);
        readings.add(word);
        for (String proclitic : JOINED) {
            if (startsWithBeforeStem(word, proclitic)) {
                readings.add(word.substring(proclitic.length()));
            }
        }
        for (String proclitic : JOINED_TO_ARTICLE) {
            if (startsWithBeforeStem(word, proclitic)) {
                readings.add(ARTICLE + word.substring(proclitic.length()));
            }
        }
        return readings;
    }

    private static boolean startsWithBeforeStem(String word, String proclitic) {
        return word.length() - proclitic.length() >= MIN_STEM_LETTERS && word.startsWith(proclitic);
    }
}
