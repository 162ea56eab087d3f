package io.akhbar.analysis;

import io.akhbar.text.ArabicAnalysis;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Lucene's Arabic stop words, normalised: place after the {@code akhbar_arabic_normalize} char filter. */
@NamedComponent("akhbar_arabic_stop")
public class ArabicStopTokenFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return ArabicAnalysis.removeStopWords(tokenStream);
    }
}
