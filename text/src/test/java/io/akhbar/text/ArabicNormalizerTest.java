package io.akhbar.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicNormalizerTest {

    @ParameterizedTest(name = "repair({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            منـ.ـع                          | منع
            التصـ.ـعيد                      | التصعيد
            الإرهـ.ـابية                    | الإرهابية
            لهـ.ـجمــ.ـاتها                 | لهجماتها
            قـ.ـضايا                        | قضايا
            الأزمـ.ـة السورية               | الأزمة السورية
            ســــوريا                       | سوريا
            سوريا.وقال                      | سوريا.وقال
            سوريا. وقال                     | سوريا. وقال
            الرئيس  التركي\u00A0أردوغان     | الرئيس التركي أردوغان
            من\u200Bع                       | منع
            ﻣﻨﻊ                             | منع
            أردوغانُ                        | أردوغانُ
            """)
    void repairKeepsWhatPeopleReadAndUndoesObfuscation(String input, String expected) {
        assertThat(ArabicNormalizer.repair(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "normalize({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            أردوغان          | اردوغان
            إردوغان          | اردوغان
            آذار             | اذار
            ٱلله             | الله
            مُحَمَّدٌ          | محمد
            مستشفى           | مستشفي
            الأزمـ.ـة        | الازمه
            ١٢٣ و ۴۵         | 123 و 45
            Kremlin          | kremlin
            """)
    void normalizeFoldsSpellingVariantsForMatching(String input, String expected) {
        assertThat(ArabicNormalizer.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            بوتين و”أردوغان” اتفقا!  | بوتين,و,اردوغان,اتفقا
            الجولة الـ 12            | الجوله,ال,12
            """)
    void tokensAreNormalisedWordsWithoutPunctuation(String input, String expected) {
        assertThat(ArabicNormalizer.tokens(input)).containsExactly(expected.split(","));
    }

    /**
     * repair skips NFKC for text it judges NFKC-stable; every pair of ASCII, Arabic-block and common punctuation
     * characters (Arabic news is made of them) must then come out as full normalisation would make it.
     */
    @Test
    void repairIsTheFullNfkcForEveryPairOfArabicAndAsciiCharacters() {
        StringBuilder alphabet = new StringBuilder("a Z.\u00AB\u00BB\u2013\u2014\u2018\u2019\u201C\u201D\u00A0\u2026");
        for (char c = '\u0600'; c <= '\u06FF'; c++) {
            alphabet.append(c);
        }
        for (int i = 0; i < alphabet.length(); i++) {
            for (int j = 0; j < alphabet.length(); j++) {
                String pair = "ب" + alphabet.charAt(i) + alphabet.charAt(j) + "ب";
                String nfkc = Normalizer.normalize(pair, Normalizer.Form.NFKC);
                String expected = ArabicNormalizer.repair(nfkc);
                assertThat(ArabicNormalizer.repair(pair)).as("U+%04X U+%04X", (int) alphabet.charAt(i),
                        (int) alphabet.charAt(j)).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "normalize({0}) is lower case by Unicode''s rules")
    @CsvSource(textBlock = """
            KREMLIN Moscow
            İSTANBUL
            ΟΔΥΣΣΕΥΣ
            Кремль
            """)
    void normalizeLowersEveryScriptAsStringToLowerCaseDoes(String input) {
        assertThat(ArabicNormalizer.normalize(input)).isEqualTo(input.toLowerCase(Locale.ROOT));
    }

    @Test
    void wordCharactersAreLettersAndDigits() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(ArabicNormalizer.isWordCharacter(c)).as("U+%04X", (int) c).isEqualTo(Character.isLetterOrDigit(c));
        }
    }

    /** normalize takes a one-pass shortcut for common text: it must agree with the steps on every short text. */
    @Test
    void normalizeInOnePassAgreesWithTheStepsOnEveryTripleOfCharacters() {
        String alphabet = "aZ. \t\n\u001F\u007F\u00A0\u00AB\u2019\u200B\u200F\u0627\u0623\u0629\u0649\u0640\u064B"
                + "\u0651\u064E\u0654\u0661\u061C\u0670\u06CC\uFEB3\u0130-*_\u00B7\u2022";
        for (int i = 0; i < alphabet.length(); i++) {
            for (int j = 0; j < alphabet.length(); j++) {
                for (int k = 0; k < alphabet.length(); k++) {
                    String text = "" + alphabet.charAt(i) + alphabet.charAt(j) + alphabet.charAt(k);
                    assertThat(ArabicNormalizer.normalize(text)).as("U+%04X U+%04X U+%04X", (int) text.charAt(0),
                            (int) text.charAt(1), (int) text.charAt(2))
                            .isEqualTo(ArabicNormalizer.normalizedInSteps(text));
                }
            }
        }
    }

    /**
     * The one-pass shortcut drops tatweel unless it touches a separator that obfuscation uses; every arrangement of
     * letters, tatweel, separators, spaces and marks up to five characters long must come out as the steps make it.
     */
    @Test
    void normalizeInOnePassAgreesWithTheStepsAroundTatweel() {
        String alphabet = "\u0628\u0640.-\u2022 \u00A0\u064E";
        int n = alphabet.length();
        for (int length = 1; length <= 5; length++) {
            for (int combination = 0; combination < Math.pow(n, length); combination++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0, rest = combination; i < length; i++, rest /= n) {
                    text.append(alphabet.charAt(rest % n));
                }
                String s = text.toString();
                assertThat(ArabicNormalizer.normalize(s)).as("%s", s.chars().mapToObj(c -> String.format("U+%04X", c)).toList())
                        .isEqualTo(ArabicNormalizer.normalizedInSteps(s));
            }
        }
    }
}
