package io.akhbar.ingest.extract;

import java.util.Locale;
import java.util.Set;

/**
 * The language of a page from the script of its text: Arabic when Arabic letters are a large share, otherwise
 * the page's own {@code lang} (a hint that sites often leave at a template default), otherwise the script.
 */
final class LanguageDetector {
    /** Arabic news quotes English names and acronyms; a third of the letters in Arabic script is already Arabic. */
    private static final double ARABIC_SHARE = 0.3;
    private static final int SAMPLE = 3000;
    /** Languages written in Arabic script, which only the page's own lang can tell from Arabic. */
    private static final Set<String> ARABIC_SCRIPT_LANGUAGES = Set.of("fa", "ur", "ps", "ku", "ckb", "sd", "ug");
    private static final double ENGLISH_SHARE = 0.1;
    private static final int MAX_FUNCTION_WORD = 4;
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of(
            "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "was", "on", "are", "as", "by", "this",
            "be", "at", "from", "has", "have", "an", "but", "not", "they", "you", "he", "she", "we", "his", "her");

    private LanguageDetector() {
    }

    static String detect(String text, String htmlLang) {
        int arabic = 0;
        int latin = 0;
        int cyrillic = 0;
        int hangul = 0;
        int kana = 0;
        int han = 0;
        int letters = 0;
        int n = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 'A' || !Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (c <= '\u024F') {
                latin++;
            } else if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\u08A0' && c <= '\u08FF'
                    || c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFF') {
                arabic++;
            } else if (c >= '\u0400' && c <= '\u04FF') {
                cyrillic++;
            } else if (c >= '\uAC00' && c <= '\uD7AF' || c >= '\u1100' && c <= '\u11FF' || c >= '\u3130' && c <= '\u318F') {
                hangul++;
            } else if (c >= '\u3040' && c <= '\u30FF') {
                kana++;
            } else if (c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF') {
                han++;
            }
        }
        String hint = primarySubtag(htmlLang);
        if (letters == 0) {
            return hint.isEmpty() ? "und" : hint;
        }
        if (arabic >= ARABIC_SHARE * letters) {
            return ARABIC_SCRIPT_LANGUAGES.contains(hint) ? hint : "ar";
        }
        if (latin * 2 > letters && looksEnglish(text)) {
            return "en";
        }
        if (!hint.isEmpty() && hintFitsScript(hint, latin, cyrillic, hangul, kana, han, letters)) {
            return hint;
        }
        if (hangul * 2 > letters) {
            return "ko";
        }
        if (kana > 0 && (kana + han) * 2 > letters) {
            return "ja";
        }
        if (han * 2 > letters) {
            return "zh";
        }
        if (cyrillic * 2 > letters) {
            return "ru";
        }
        return "en";
    }

    /**
     * Sites serve English text under a template's lang="de" too; English function words are frequent enough
     * that a tenth of the words being among them settles it.
     */
    private static boolean looksEnglish(String text) {
        int words = 0;
        int function = 0;
        int n = Math.min(text.length(), SAMPLE);
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean letter = i < n && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                if (i - start <= MAX_FUNCTION_WORD
                        && ENGLISH_FUNCTION_WORDS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    function++;
                }
                start = -1;
            }
        }
        return words > 0 && function >= ENGLISH_SHARE * words;
    }

    /** A template's default lang="en" on a Russian page is wrong; the script settles it. */
    private static boolean hintFitsScript(String hint, int latin, int cyrillic, int hangul, int kana, int han,
                                          int letters) {
        if (hint.equals("ar") || ARABIC_SCRIPT_LANGUAGES.contains(hint)) {
            return false;
        }
        return switch (hint) {
            case "ru", "uk", "bg", "sr", "be", "kk", "mk" -> cyrillic * 2 > letters;
            case "ko" -> hangul * 2 > letters;
            case "ja" -> (kana + han) * 2 > letters;
            case "zh" -> han * 2 > letters;
            default -> latin * 2 > letters;
        };
    }

    private static String primarySubtag(String lang) {
        if (lang == null || lang.isBlank()) {
            return "";
        }
        String tag = lang.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < tag.length() && tag.charAt(end) >= 'a' && tag.charAt(end) <= 'z') {
            end++;
        }
        boolean wholeSubtag = end == tag.length() || tag.charAt(end) == '-' || tag.charAt(end) == '_';
        return wholeSubtag && end >= 2 && end <= 3 ? tag.substring(0, end) : "";
    }
}
