package io.akhbar.enrich.tag;

import java.util.List;

/** The language of an article: Arabic is recognised from its letters, anything else is taken from the hint. */
final class Language {
    private static final String ARABIC = "ar";
    private static final String UNDETERMINED = "und";
    private static final byte NOT_A_LETTER = 0;
    private static final byte OTHER_LETTER = 1;
    private static final byte ARABIC_LETTER = 2;
    /** What each of the first 2,048 characters is, looked up: they make up nearly all of any news text. */
    private static final byte[] LETTER_KINDS = new byte[0x0800];

    static {
        for (char c = 0; c < LETTER_KINDS.length; c++) {
            LETTER_KINDS[c] = kindOf(c);
        }
    }

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

    private static byte kindOf(int codePoint) {
        if (!Character.isLetter(codePoint)) {
            return NOT_A_LETTER;
        }
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC ? ARABIC_LETTER : OTHER_LETTER;
    }

    private static final class LetterCount {
        private long letters;
        private long arabic;

        void add(String text) {
            if (text == null) {
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                byte kind;
                if (c < LETTER_KINDS.length) {
                    kind = LETTER_KINDS[c];
                } else {
                    int codePoint = text.codePointAt(i);
                    i += Character.charCount(codePoint) - 1;
                    kind = kindOf(codePoint);
                }
                letters += kind == NOT_A_LETTER ? 0 : 1;
                arabic += kind == ARABIC_LETTER ? 1 : 0;
            }
        }
    }
}
