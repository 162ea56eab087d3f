package io.akhbar.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Arabic analysis used for search, dedup and tagging, so that all three agree on what a word is:
 * {@link ArabicNormalizingCharFilter} (our {@link ArabicNormalizer} rules), {@link StandardTokenizer}, Lucene's Arabic
 * stop words and Lucene's light stemmer.
 *
 * <p>The chain deliberately replaces the lower-casing, digit and Arabic normalisation filters of Lucene's
 * {@link ArabicAnalyzer} with our normaliser, which also repairs obfuscated words and must run before tokenizing.
 * Because stop words are removed after normalisation, the stop list is normalised too; one consequence is that the
 * name علي is dropped along with the preposition على, as both normalise to علي.
 */
public final class ArabicAnalysis {
    private static final CharArraySet STOP_WORDS = normalizedStopWords();
    private static final Analyzer SHARED_ANALYZER = newAnalyzer();

    private ArabicAnalysis() {
    }

    /** A new analyzer; the caller owns it and closes it. Thread-safe like any Lucene analyzer. */
    public static Analyzer newAnalyzer() {
        return new AkhbarArabicAnalyzer();
    }

    /** The analysed terms of {@code text}, in order: what the search index stores for it. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream stream = SHARED_ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return terms;
    }

    /** Drops Lucene's Arabic stop words from a stream of {@link ArabicNormalizer#normalize normalised} tokens. */
    public static TokenStream removeStopWords(TokenStream normalizedTokens) {
        return new StopFilter(normalizedTokens, STOP_WORDS);
    }

    /**
     * Lucene's light stemmer: strips the article (also as وال، بال، لل…), a leading و, and dual, plural and pronoun
     * suffixes, so التصعيد matches تصعيد and المكتبات matches مكتب.
     */
    public static TokenStream stem(TokenStream normalizedTokens) {
        return new ArabicStemFilter(normalizedTokens);
    }

    private static CharArraySet normalizedStopWords() {
        CharArraySet luceneStopWords = ArabicAnalyzer.getDefaultStopSet();
        CharArraySet normalized = new CharArraySet(luceneStopWords.size(), false);
        for (Object stopWord : luceneStopWords) {
            normalized.add(ArabicNormalizer.normalize(new String((char[]) stopWord)));
        }
        return CharArraySet.unmodifiableSet(normalized);
    }

    private static final class AkhbarArabicAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, stem(removeStopWords(tokenizer)));
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new ArabicNormalizingCharFilter(reader);
        }

        /** Query terms that bypass tokenizing (prefix, wildcard, fuzzy) must be spelt the way the index spells them. */
        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new ArabicNormalizingCharFilter(reader);
        }
    }
}
