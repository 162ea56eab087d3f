package io.akhbar.sink.index;

/**
 * What {@link NewsIndex#ensure()} found or made.
 *
 * @param alias            the alias readers and the writer use
 * @param writeIndex       the concrete index the alias writes to
 * @param templateAnalyzer the text analyzer new indices get
 * @param indexAnalyzer    the text analyzer of the write index, which differs from the template's when the index was
 *                         created before the Arabic plugin was installed (a reindex brings it in line)
 */
public record IndexSetup(String alias, String writeIndex, String templateAnalyzer, String indexAnalyzer) {

    public boolean arabicSearch() {
        return NewsIndex.ARABIC_ANALYZER.equals(indexAnalyzer);
    }
}
