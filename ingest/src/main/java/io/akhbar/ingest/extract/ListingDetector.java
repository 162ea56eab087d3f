package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * Tells section and listing pages from articles. A listing's best text region is a stack of teasers: a
 * headline link per short excerpt, with no run of prose that dominates; an article's region is prose with, at
 * most, a few long links among many paragraphs.
 */
final class ListingDetector {
    /** Less body text than this is a stub, a gallery or an error page, not an article. */
    private static final int MIN_ARTICLE_CHARS = 100;
    private static final int MIN_TEASERS = 4;
    /** Teasers are a headline and an excerpt; articles run many paragraphs per long link. */
    private static final double TEASERS_PER_PARAGRAPH = 0.5;
    private static final double TEASERS_PER_PARAGRAPH_DECLARED_ARTICLE = 1.0;
    private static final int EXCERPT_CHARS = 300;

    private ListingDetector() {
    }

    static boolean isArticle(Segmentation seg, List<Element> roots, List<String> paragraphs, boolean declaredArticle,
                             boolean declaredListing) {
        int chars = paragraphs.stream().mapToInt(String::length).sum();
        if (chars < MIN_ARTICLE_CHARS) {
            return false;
        }
        int teasers = 0;
        for (Element root : roots) {
            Segmentation.Span span = seg.span(root);
            teasers += seg.headlineLinksBetween(span.start(), span.end());
        }
        if (teasers < MIN_TEASERS) {
            return true;
        }
        int[] lengths = paragraphs.stream().mapToInt(String::length).sorted().toArray();
        int median = lengths[lengths.length / 2];
        double ratio = declaredArticle && !declaredListing ? TEASERS_PER_PARAGRAPH_DECLARED_ARTICLE : TEASERS_PER_PARAGRAPH;
        return !(teasers >= ratio * paragraphs.size() && median <= EXCERPT_CHARS);
    }
}
