package io.akhbar.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicAnalysisTest {

    @ParameterizedTest(name = "terms({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            والكتاب المكتبات ١٢٣           | كتاب,مكتب,123
            منـ.ـع التصـ.ـعيد               | منع,تصعيد
            الرئيس التركي أردوغان           | رئيس,ترك,اردوغ
            انفجار في بيروت من جديد         | انفجار,بيروت,جديد
            Kremlin والكرملين               | kremlin,كرمل
            """)
    void analysesIntoNormalisedStemmedTermsWithoutStopWords(String text, String expectedTerms) {
        assertThat(ArabicAnalysis.terms(text)).containsExactly(expectedTerms.split(","));
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            أردوغان              | اردوغان
            إردوغان              | اردوغان
            آردوغان              | اردوغان
            ٱردوغان              | اردوغان
            منـ.ـع التصـ.ـعيد     | منع التصعيد
            ســـوريا              | سوريا
            مُحَمَّدٌ               | محمد
            المستشفى             | المستشفي
            الأزمة               | الازمه
            ٢٠٢٤                 | 2024
            """)
    void spellingVariantsGiveTheSameTerms(String variant, String plain) {
        assertThat(ArabicAnalysis.terms(variant)).isEqualTo(ArabicAnalysis.terms(plain)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} and {1} share a term")
    @CsvSource(delimiter = '|', textBlock = """
            التصعيد    | تصعيد
            والتصعيد   | تصعيد
            المكتبات   | مكتب
            """)
    void stemmingMatchesInflectedForms(String inflected, String base) {
        assertThat(ArabicAnalysis.terms(inflected)).containsAnyElementsOf(ArabicAnalysis.terms(base));
    }

    @ParameterizedTest
    @ValueSource(strings = {"في", "من", "على", "إلى", "الى", "ألا", "أيضا"})
    void dropsStopWordsWhateverTheirSpelling(String stopWord) {
        assertThat(ArabicAnalysis.terms(stopWord)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" \u00A0\u200B "})
    void blankTextHasNoTerms(String text) {
        assertThat(ArabicAnalysis.terms(text)).isEmpty();
    }
}
