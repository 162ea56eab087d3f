package io.akhbar.bench.extract;

import io.akhbar.ingest.extract.PageDecoder;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;

import java.util.List;

/** Readability4J, the Java port of Mozilla's Readability.js (Firefox's reader view). */
final class ReadabilityContender implements Contender {

    @Override
    public String name() {
        return "Readability4J 1.0.8";
    }

    @Override
    public boolean findsDates() {
        return false;
    }

    @Override
    public boolean recognisesListings() {
        return false;
    }

    @Override
    public Extraction extract(byte[] body, String contentType, String url) {
        String html = PageDecoder.decode(body, contentType);
        Article article = new Readability4J(url == null ? "" : url, html).parse();
        List<String> lines = article.getArticleContent() == null ? List.of()
                : BlockLines.of(article.getArticleContent());
        return new Extraction(article.getTitle(), null, lines, true);
    }
}
