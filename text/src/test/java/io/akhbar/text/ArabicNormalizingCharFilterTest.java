package io.akhbar.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicNormalizingCharFilterTest {
    private static final Analyzer ANALYZER = ArabicAnalysis.newAnalyzer();

    @AfterAll
    static void closeAnalyzer() {
        ANALYZER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"منـ.ـع التصـ.ـعيد", "  أردوغانُ\u00A0\u00A0 وإردوغان  ", "ﻣﻨﻊ ١٢٣", "Kremlin ﷺ", ""})
    void producesExactlyWhatTheNormaliserProduces(String text) throws IOException {
        assertThat(readAll(new ArabicNormalizingCharFilter(new StringReader(text))))
                .isEqualTo(ArabicNormalizer.normalize(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            منـ.ـع التصـ.ـعيد                 | منـ.ـع,التصـ.ـعيد
            "  قال  أردوغانُ، "               | قال,أردوغانُ
            مُحَمَّدٌ\u00A0والكتابُ              | مُحَمَّدٌ,والكتابُ
            ﻣﻨﻊ التصعيد                       | ﻣﻨﻊ,التصعيد
            ســـوريا ١٢٣                      | ســـوريا,١٢٣
            ﻻﻋﺐ\t\tقـ.ـضايا                   | ﻻﻋﺐ,قـ.ـضايا
            """)
    void tokenOffsetsPointAtTheWordsAsWritten(String text, String expectedWords) throws IOException {
        assertThat(sourceWordsOfTokens(text)).containsExactly(expectedWords.split(","));
    }

    /** A ligature that expands into several words leaves zero-width tokens: one source character cannot be split. */
    @ParameterizedTest
    @ValueSource(strings = {"ΟΔΟΣ ΚΑΙ", "e\u0301te cafe\u0301", "ﷺ محمد", "ـــ.ـــ منـ.ـع", "ﻻﻋﺐ     ﻻﻋﺐ", "🙂 كلمة 🙂"})
    void offsetsStayOrderedAndInsideTheTextWhateverTheNormaliserDid(String text) throws IOException {
        List<int[]> offsets = tokenOffsets(text);
        int previousStart = 0;
        for (int[] startAndEnd : offsets) {
            assertThat(startAndEnd[0]).isGreaterThanOrEqualTo(previousStart);
            assertThat(startAndEnd[1]).isGreaterThanOrEqualTo(startAndEnd[0]).isLessThanOrEqualTo(text.length());
            previousStart = startAndEnd[0];
        }
        assertThat(offsets).isNotEmpty();
    }

    private static List<String> sourceWordsOfTokens(String text) throws IOException {
        List<String> words = new ArrayList<>();
        for (int[] startAndEnd : tokenOffsets(text)) {
            words.add(text.substring(startAndEnd[0], startAndEnd[1]));
        }
        return words;
    }

    private static List<int[]> tokenOffsets(String text) throws IOException {
        List<int[]> offsets = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("body", text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            stream.end();
        }
        return offsets;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = reader.read(); c != -1; c = reader.read()) {
            text.append((char) c);
        }
        return text.toString();
    }
}
