package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.List;

/**
 * Tells section and listing pages from articles. A listing's best text region is a stack of teasers, each a
 * line that is all headline link followed by a short excerpt; an article is prose, where headline links, if
 * any, come bunched together in one related-articles list rather than one before every paragraph.
 */
final class ListingDetector {
    /** Less body text than this is a stub, a gallery or an error page, not an article. */
    private static final int MIN_ARTICLE_CHARS = 100;
    private static final int HEADLINE_CHARS = 25;
    private static final double HEADLINE_LINK_SHARE = 0.8;
    private static final int EXCERPT_CHARS = 40;
    private static final double EXCERPT_LINK_SHARE = 0.3;
    private static final int MIN_TEASERS = 2;
    /** Share of the kept paragraphs that are teaser excerpts, beyond which the region is a listing. */
    private static final double TEASER_SHARE = 0.5;
    private static final double TEASER_SHARE_DECLARED_ARTICLE = 0.8;

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
            for (int i = span.start(); i + 1 < span.end(); i++) {
                if (isHeadline(seg.blocks().get(i)) && isExcerpt(seg.blocks().get(i + 1))) {
                    teasers++;
                }
            }
        }
        double share = declaredArticle && !declaredListing ? TEASER_SHARE_DECLARED_ARTICLE : TEASER_SHARE;
        return teasers < MIN_TEASERS || teasers < share * paragraphs.size();
    }

    private static boolean isHeadline(Block b) {
        return !b.isMarked() && b.chars() >= HEADLINE_CHARS && b.linkChars() >= HEADLINE_LINK_SHARE * b.chars();
    }

    private static boolean isExcerpt(Block b) {
        return b.chars() >= EXCERPT_CHARS && b.linkDensity() < EXCERPT_LINK_SHARE;
    }
}
