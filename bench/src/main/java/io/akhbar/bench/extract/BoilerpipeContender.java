package io.akhbar.bench.extract;

import de.l3s.boilerpipe.document.TextDocument;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import de.l3s.boilerpipe.sax.BoilerpipeSAXInput;
import io.akhbar.ingest.extract.PageDecoder;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.Arrays;

/**
 * boilerpipe's ArticleExtractor (Kohlschütter et al., shallow text features per block), the classic Java peer. It
 * gets the page decoded by our decoder, as every contender does, and gives one text block a line.
 */
final class BoilerpipeContender implements Contender {

    @Override
    public String name() {
        return "boilerpipe 1.2 ArticleExtractor";
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
    public Extraction extract(byte[] body, String contentType, String url) throws Exception {
        String html = PageDecoder.decode(body, contentType);
        TextDocument doc = new BoilerpipeSAXInput(new InputSource(new StringReader(html))).getTextDocument();
        ArticleExtractor.INSTANCE.process(doc);
        return new Extraction(doc.getTitle(), null,
                Arrays.stream(doc.getContent().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                true);
    }
}
