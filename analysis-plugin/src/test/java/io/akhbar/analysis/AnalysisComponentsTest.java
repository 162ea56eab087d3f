package io.akhbar.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisComponentsTest {

    @ParameterizedTest(name = "akhbar_arabic({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            والكتاب المكتبات ١٢٣    | كتاب,مكتب,123
            منـ.ـع التصـ.ـعيد        | منع,تصعيد
            إردوغان في أنقرة         | اردوغ,انقر
            """)
    void analyzerFactoryGivesTheAkhbarArabicAnalyzer(String text, String expectedTerms) throws IOException {
        try (Analyzer analyzer = new ArabicAnalyzerFactory().create()) {
            assertThat(terms(analyzer.tokenStream("body", text))).containsExactly(expectedTerms.split(","));
        }
    }

    /** A custom analyzer assembled from the plugin's char and token filters is the same as akhbar_arabic. */
    @ParameterizedTest
    @ValueSource(strings = {"والكتاب المكتبات ١٢٣", "منـ.ـع التصـ.ـعيد في سوريا", "قال أردوغان إن التصعيد مرفوض"})
    void filtersComposeIntoTheSameAnalysisAsTheAnalyzer(String text) throws IOException {
        Reader normalized = new ArabicNormalizeCharFilterFactory().create(new StringReader(text));
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(normalized);
        TokenStream custom = new ArabicStemTokenFilterFactory().create(new ArabicStopTokenFilterFactory().create(tokenizer));

        try (Analyzer analyzer = new ArabicAnalyzerFactory().create()) {
            assertThat(terms(custom)).isEqualTo(terms(analyzer.tokenStream("body", text)));
        }
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
