package io.akhbar.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
