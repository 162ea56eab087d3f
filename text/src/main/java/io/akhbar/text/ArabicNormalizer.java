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
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final String OBFUSCATING_SEPARATORS = ".\u00B7\u2022*_-";

    /**
     * Anti-filter obfuscation splits a word with a dot padded by tatweel ("منـ.ـع", "التصـ.ـعيد"). Requiring a
     * tatweel beside the separator keeps ordinary punctuation between words, such as "سوريا.وقال", untouched.
     */
    private static final Pattern OBFUSCATION = Pattern.compile(
            "(?<=[\\u0620-\\u064A])(?:\\u0640+[" + Pattern.quote(OBFUSCATING_SEPARATORS) + "]+\\u0640*|\\u0640*["
                    + Pattern.quote(OBFUSCATING_SEPARATORS) + "]+\\u0640+)(?=[\\u0620-\\u064A])");

    /** {@link Character#isLetterOrDigit(char)} for the first 2,048 characters: Latin, Greek, Cyrillic, Arabic. */
    private static final boolean[] WORD_CHARACTERS = new boolean[0x0800];

    static {
        for (char c = 0; c < WORD_CHARACTERS.length; c++) {
            WORD_CHARACTERS[c] = Character.isLetterOrDigit(c);
        }
    }

    /**
     * Which characters of the Arabic block (U+0600–U+06FF) are non-spacing marks: the two one-pass scans ask for
     * nearly every character of a text, and {@link Character#getType(char)} took 7 % of the enrich stream threads'
     * samples in a profile.
     */
    private static final boolean[] ARABIC_NON_SPACING_MARKS = new boolean[0x100];

    static {
        for (int i = 0; i < ARABIC_NON_SPACING_MARKS.length; i++) {
            ARABIC_NON_SPACING_MARKS[i] = Character.getType(0x0600 + i) == Character.NON_SPACING_MARK;
        }
    }

    private static final char DROPPED = 0;
    /**
     * Each character of the Arabic block as {@link #normalize} leaves it: {@link #fold}ed, or {@link #DROPPED} for
     * tashkeel and the Arabic letter mark. Looked up once per character of nearly every text enrich reads, instead
     * of a chain of comparisons.
     */
    private static final char[] ARABIC_FOLDED = new char[0x100];

    static {
        for (int i = 0; i < ARABIC_FOLDED.length; i++) {
            char c = (char) (0x0600 + i);
            ARABIC_FOLDED[i] = isDirectionOrJoinerMark(c) || isTashkeel(c) ? DROPPED : fold(c);
        }
    }

    /** Guillemets, typographic quotes and dashes: common in Arabic news, unchanged by NFKC, combining with nothing. */
    private static final String NFKC_STABLE_PUNCTUATION = "\u00AB\u00BB\u2013\u2014\u2018\u2019\u201C\u201D";

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
        // Most paragraphs are already NFKC; the check is cheaper than the normalisation, and a scan for characters
        // that NFKC could change is cheaper than the check.
        String s = !mayChangeUnderNfkc(text) || Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = withoutInvisibleCharacters(s);
        if (s.indexOf(TATWEEL) >= 0) {
            s = OBFUSCATION.matcher(s).replaceAll("");
            s = s.replace(String.valueOf(TATWEEL), "");
        }
        return withSingleSpaces(s).strip();
    }

    /**
     * Text for matching: {@link #repair} plus tashkeel removed, alef variants to bare alef, alef maqsura to ya,
     * ta marbuta to ha, Persian letter forms to Arabic, Arabic-Indic digits to ASCII, lower case.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char[] out = new char[text.length()];
        int length = normalizeInOnePass(text, out);
        return length >= 0 ? new String(out, 0, length) : normalizedInSteps(text);
    }

    /** {@link #normalize} the long way: {@link #repair}, then folding; right for any text. */
    static String normalizedInSteps(String text) {
        String s = repair(text);
        char[] out = new char[s.length()];
        int length = 0;
        boolean mayHaveCase = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDirectionOrJoinerMark(c) || isTashkeel(c)) {
                continue;
            }
            c = fold(c);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c >= 0x80 && !isArabicBlock(c)) {
                mayHaveCase = true;
            }
            out[length++] = c;
        }
        // ASCII is lowered above; other scripts go through the full Unicode rules (İ, final sigma, surrogates).
        String folded = new String(out, 0, length);
        return mayHaveCase ? folded.toLowerCase(java.util.Locale.ROOT) : folded;
    }

    /**
     * {@link #normalize} in one pass over the text, into {@code out}, for what nearly all news text is: ASCII,
     * Arabic letters, marks and digits, no-break spaces, tatweel and common punctuation, without invisible characters,
     * obfuscation or anything else NFKC would change. The spaces are folded and stripped as {@link #repair} does
     * before marks are dropped, so a space before a dropped mark stays, while tatweel is gone before that, as if it
     * had never been there. Returns the length written, or -1 for any other text, which takes the steps one by one.
     */
    private static int normalizeInOnePass(String s, char[] out) {
        int length = 0;
        boolean started = false;
        boolean spaceBefore = false;
        boolean afterMark = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean dropped = false;
            if (c < 0x80) {
                if (c == ' ' || (c >= '\t' && c <= '\r')) {
                    spaceBefore = started;
                    afterMark = false;
                    continue;
                }
                if (c < 0x20) {
                    return -1;
                }
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                afterMark = false;
            } else if (c == NO_BREAK_SPACE) {
                spaceBefore = started;
                afterMark = false;
                continue;
            } else if (c == TATWEEL) {
                if (isBesideObfuscatingSeparator(s, i)) {
                    return -1;
                }
                afterMark = false;
                continue;
            } else if (isArabicBlock(c)) {
                if ((c >= '\u0653' && c <= '\u0655') || (c >= '\u0675' && c <= '\u0678')) {
                    return -1;
                }
                boolean mark = ARABIC_NON_SPACING_MARKS[c - 0x0600];
                if (mark && afterMark) {
                    return -1;
                }
                afterMark = mark;
                c = ARABIC_FOLDED[c - 0x0600];
                dropped = c == DROPPED;
            } else if (NFKC_STABLE_PUNCTUATION.indexOf(c) >= 0) {
                afterMark = false;
            } else {
                return -1;
            }
            if (spaceBefore) {
                out[length++] = ' ';
                spaceBefore = false;
            }
            started = true;
            if (!dropped) {
                out[length++] = c;
            }
        }
        return length;
    }

    /**
     * Whether the tatweel at {@code i} touches one of the separators that {@link #OBFUSCATION} removes: every match
     * of it has one, so a tatweel with none beside it is simply dropped.
     */
    private static boolean isBesideObfuscatingSeparator(String s, int i) {
        return i > 0 && OBFUSCATING_SEPARATORS.indexOf(s.charAt(i - 1)) >= 0
                || i + 1 < s.length() && OBFUSCATING_SEPARATORS.indexOf(s.charAt(i + 1)) >= 0;
    }

    /** Normalised words: letters and digits only, punctuation dropped. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        scanWords(text, tokens::add);
        return tokens;
    }

    /** Receives the words of a normalised text in order, and what stands between them. */
    public interface WordSink {
        void word(String word);

        /** A character between two words, or before the first or after the last, other than white space. */
        default void punctuation(char c) {
        }
    }

    /**
     * Normalises the text and cuts it into words as {@link #tokens} does, handing each word, and each punctuation
     * character between them, to the sink. Scans the normalised characters without making them a String first.
     */
    public static void scanWords(String text, WordSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        char[] chars = new char[text.length()];
        int length = normalizeInOnePass(text, chars);
        if (length < 0) {
            chars = normalizedInSteps(text).toCharArray();
            length = chars.length;
        }
        int start = -1;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (isWordCharacter(c)) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                sink.word(new String(chars, start, i - start));
                start = -1;
            }
            if (c != ' ') {
                sink.punctuation(c);
            }
        }
        if (start >= 0) {
            sink.word(new String(chars, start, length - start));
        }
    }

    /**
     * What {@link #tokens} keeps in a word: {@link Character#isLetterOrDigit(char)}, answered from a table for the
     * Latin and Arabic letters that make up nearly all of the text.
     */
    public static boolean isWordCharacter(char c) {
        return c < WORD_CHARACTERS.length ? WORD_CHARACTERS[c] : Character.isLetterOrDigit(c);
    }

    /** Invisible characters inserted inside words to defeat filters; none of them carries meaning in news text. */
    private static boolean isInvisibleInWords(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean isDirectionOrJoinerMark(char c) {
        return c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isTashkeel(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED');
    }

    /**
     * Whether NFKC might change the text: false when every character is ASCII or in the Arabic block, has no
     * compatibility mapping and composes with nothing before it, and no two combining marks follow each other
     * (canonical ordering could swap them: a shadda typed before a fatha). The combining madda and hamzas
     * (U+0653–U+0655) compose with a preceding alef, waw or ya, and U+0675–U+0678 have compatibility mappings, so
     * they send the text to the full check, as does anything outside those ranges but the quotation marks and
     * dashes of {@link #NFKC_STABLE_PUNCTUATION}.
     */
    private static boolean mayChangeUnderNfkc(String s) {
        boolean afterMark = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                afterMark = false;
                continue;
            }
            if (NFKC_STABLE_PUNCTUATION.indexOf(c) >= 0) {
                afterMark = false;
                continue;
            }
            if (!isArabicBlock(c) || (c >= '\u0653' && c <= '\u0655') || (c >= '\u0675' && c <= '\u0678')) {
                return true;
            }
            boolean mark = ARABIC_NON_SPACING_MARKS[c - 0x0600];
            if (mark && afterMark) {
                return true;
            }
            afterMark = mark;
        }
        return false;
    }

    private static boolean isArabicBlock(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }

    /** Whether a space other than ' ' occurs, or two spaces in a row: most paragraphs need no folding. */
    private static boolean needsSpaceFolding(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < s.length() && isSpace(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The white space {@link #repair} folds: Java's {@code \s} and the Unicode spaces news pages use. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /*
     * Character loops rather than regular expressions: normalisation runs over every word of every article in
     * dedup, tagging and indexing, and these loops are several times faster than the equivalent patterns.
     */
    private static String withoutInvisibleCharacters(String s) {
        int first = 0;
        while (first < s.length() && !isInvisibleInWords(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            if (!isInvisibleInWords(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static String withSingleSpaces(String s) {
        if (!needsSpaceFolding(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpaces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpaces) {
                    out.append(' ');
                }
                inSpaces = true;
            } else {
                out.append(c);
                inSpaces = false;
            }
        }
        return out.toString();
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
