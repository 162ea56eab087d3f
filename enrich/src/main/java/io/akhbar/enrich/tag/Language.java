package io.akhbar.enrich.tag;

import java.util.List;

/** The language of an article: Arabic is recognised from its letters, anything else is taken from the hint. */
final class Language {
    private static final String ARABIC = "ar";
    private static final String UNDETERMINED = "und";

    private Language() {
    }

    static String of(String title, List<String> paragraphs, String hint) {
        LetterCount count = new LetterCount();
        count.add(title);
        paragraphs.forEach(count::add);
        if (count.arabic * 2 > count.letters) {
            return ARABIC;
        }
        return hint == null || hint.isBlank() ? UNDETERMINED : hint.strip();
    }

    private static final class LetterCount {
        private long letters;
        private long arabic;

        void add(String text) {
            if (text == null) {
                return;
            }
            text.codePoints().filter(Character::isLetter).forEach(letter -> {
                letters++;
                if (Character.UnicodeScript.of(letter) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            });
        }
    }
}
