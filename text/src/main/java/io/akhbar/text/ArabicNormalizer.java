package io.akhbar.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place where Arabic text is cleaned and normalised. Extraction uses {@link #repair} (text people read),
 * dedup, tagging, phrase rules and the search analyzer use {@link #normalize} (text machines match).
 */
public final class ArabicNormalizer {
    private static final char TATWEEL = '\u0640';

    /**
     * Anti-filter obfuscation splits a word with a dot padded by tatweel ("منـ.ـع", "التصـ.ـعيد"). Requiring a
     * tatweel beside the separator keeps ordinary punctuation between words, such as "سوريا.وقال", untouched.
     */
    private static final Pattern OBFUSCATION = Pattern.compile(
            "(?<=[\\u0620-\\u064A])(?:\\u0640+[.·•*_\\-]+\\u0640*|\\u0640*[.·•*_\\-]+\\u0640+)(?=[\\u0620-\\u064A])");
    /** Invisible characters inserted inside words to defeat filters; none of them carries meaning in news text. */
    private static final Pattern INVISIBLE_IN_WORDS = Pattern.compile("[\\u00AD\\u200B\\u2060\\uFEFF]");
    private static final Pattern DIRECTION_AND_JOINER_MARKS = Pattern.compile("[\\u200C\\u200D\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern TASHKEEL = Pattern.compile("[\\u064B-\\u065F\\u0670\\u06D6-\\u06ED]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private ArabicNormalizer() {
    }

    /**
     * Text for people: repairs obfuscation, removes tatweel and invisible characters, folds presentation forms
     * (NFKC) and runs of white space. Diacritics and letter shapes are kept.
     */
    public static String repair(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE_IN_WORDS.matcher(s).replaceAll("");
        s = OBFUSCATION.matcher(s).replaceAll("");
        s = s.replace(String.valueOf(TATWEEL), "");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Text for matching: {@link #repair} plus tashkeel removed, alef variants to bare alef, alef maqsura to ya,
     * ta marbuta to ha, Persian letter forms to Arabic, Arabic-Indic digits to ASCII, lower case.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = repair(text);
        s = DIRECTION_AND_JOINER_MARKS.matcher(s).replaceAll("");
        s = TASHKEEL.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(fold(s.charAt(i)));
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Normalised words: letters and digits only, punctuation dropped. */
    public static List<String> tokens(String text) {
        String s = normalize(text);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean wordChar = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(s.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    static char fold(char c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> '\u0627';
            case '\u0649', '\u06CC', '\u06D2' -> '\u064A';
            case '\u0629' -> '\u0647';
            case '\u06A9' -> '\u0643';
            default -> {
                if (c >= '\u0660' && c <= '\u0669') {
                    yield (char) ('0' + (c - '\u0660'));
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    yield (char) ('0' + (c - '\u06F0'));
                }
                yield c;
            }
        };
    }
}
