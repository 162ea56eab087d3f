package io.akhbar.analysis;

import io.akhbar.text.ArabicAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** The analyzer for Arabic text fields: {@code "analyzer": "akhbar_arabic"} in a mapping. */
@NamedComponent("akhbar_arabic")
public class ArabicAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return ArabicAnalysis.newAnalyzer();
    }
}
