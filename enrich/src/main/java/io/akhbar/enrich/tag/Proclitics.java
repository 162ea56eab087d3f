package io.akhbar.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Conjunctions and prepositions that Arabic writes joined to the next word: وأردوغان، لبوتين، بإدلب، والكرملين.
 *
 * <p>The article ال is part of a name and stays: names either always carry it (الكرملين، الرقة) or never do
 * (سوريا، أردوغان), and stripping it would turn adjectives into names (السورية into سورية). So وال، بال، فال، كال
 * lose only their first letter, and لل، ولل، فلل, where ل swallowed the alef of ال (للأمم المتحدة), get it back;
 * before a noun that itself starts with ل the article's lam goes too, as three lams are never written (للجنة is
 * ل + اللجنة).
 */
final class Proclitics {
    /** The shortest first word of a name (تل رفعت). */
    private static final int MIN_REMAINDER_LETTERS = 2;
    /** A shorter remainder that is a whole name by itself is too often an ordinary word: ب + يد, ك + يف. */
    private static final int MIN_REMAINDER_LETTERS_ALONE = 3;
    private static final String ARTICLE = "ال";
    private static final List<String> JOINED = List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل");
    private static final List<String> JOINED_TO_ARTICLE = List.of("لل", "ولل", "فلل");

    private Proclitics() {
    }

    /** One way to read a word: as written, or without a proclitic. */
    record Reading(String word, boolean withoutProclitic) {
        /** Whether this reading may be the first word of {@code spelling}, judged before comparing the words. */
        boolean mayStart(Spelling spelling) {
            return !withoutProclitic || spelling.words().size() > 1 || word.length() >= MIN_REMAINDER_LETTERS_ALONE;
        }
    }

    /** The readings of a normalised word: first as written, then without a proclitic, shortest proclitic first. */
    static List<Reading> readings(String word) {
        List<Reading> readings = new ArrayList<>(6);
        readings.add(new Reading(word, false));
        for (String proclitic : JOINED) {
            if (startsWithBeforeRemainder(word, proclitic)) {
                readings.add(new Reading(word.substring(proclitic.length()), true));
            }
        }
        for (String proclitic : JOINED_TO_ARTICLE) {
            if (startsWithBeforeRemainder(word, proclitic)) {
                readings.add(new Reading(ARTICLE + word.substring(proclitic.length()), true));
                readings.add(new Reading(ARTICLE + word.substring(proclitic.length() - 1), true));
            }
        }
        return readings;
    }

    /**
     * The written words that {@link #readings} may read as {@code word}: the word itself and the word behind each
     * proclitic, with the article's alef (and lam) swallowed where لل, ولل, فلل stand for it. Some of them are not
     * read so (a remainder too short); the caller checks with {@link #readings}.
     */
    static List<String> writtenFormsOf(String word) {
        List<String> forms = new ArrayList<>();
        forms.add(word);
        for (String proclitic : JOINED) {
            forms.add(proclitic + word);
        }
        if (word.startsWith(ARTICLE)) {
            String noun = word.substring(ARTICLE.length());
            for (String proclitic : JOINED_TO_ARTICLE) {
                forms.add(proclitic + noun);
                forms.add(proclitic.substring(0, proclitic.length() - 1) + noun);
            }
        }
        return forms;
    }

    private static boolean startsWithBeforeRemainder(String word, String proclitic) {
        return word.length() - proclitic.length() >= MIN_REMAINDER_LETTERS && word.startsWith(proclitic);
    }
}
