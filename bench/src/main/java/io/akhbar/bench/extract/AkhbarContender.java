package io.akhbar.bench.extract;

import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.ingest.extract.ExtractedPage;

/** The crawler's own extractor, called exactly as the pipeline calls it. */
final class AkhbarContender implements Contender {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Override
    public String name() {
        return "Akhbar " + ArticleExtractor.VERSION;
    }

    @Override
    public boolean findsDates() {
        return true;
    }

    @Override
    public boolean recognisesListings() {
        return true;
    }

    @Override
    public Extraction extract(byte[] body, String contentType, String url) {
        ExtractedPage page = extractor.extract(body, contentType, url);
        return new Extraction(page.title(), page.published(), page.paragraphs(), page.isArticle());
    }
}
