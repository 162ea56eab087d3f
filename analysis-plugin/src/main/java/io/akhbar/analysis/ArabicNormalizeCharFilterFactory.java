package io.akhbar.analysis;

import io.akhbar.text.ArabicNormalizingCharFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

import java.io.Reader;

/** Our Arabic normalisation, obfuscation repair included, as a char filter for custom analyzers and normalizers. */
@NamedComponent("akhbar_arabic_normalize")
public class ArabicNormalizeCharFilterFactory implements CharFilterFactory {
    @Override
    public Reader create(Reader reader) {
        return new ArabicNormalizingCharFilter(reader);
    }

    /** Keyword normalizers and prefix or wildcard query terms must match the spelling the index stores. */
    @Override
    public Reader normalize(Reader reader) {
        return create(reader);
    }
}
