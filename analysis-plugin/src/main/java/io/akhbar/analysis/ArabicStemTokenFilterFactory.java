package io.akhbar.analysis;

import io.akhbar.text.ArabicAnalysis;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Lucene's light Arabic stemmer: place after the {@code akhbar_arabic_normalize} char filter. */
@NamedComponent("akhbar_arabic_stem")
public class ArabicStemTokenFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return ArabicAnalysis.stem(tokenStream);
    }
}
