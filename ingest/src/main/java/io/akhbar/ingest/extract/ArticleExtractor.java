package io.akhbar.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Raw page in, article out: decodes and parses once, without the scripts, styles and comments it never reads
 * ({@link PageReader}), gathers the metadata elements in one walk, cuts the page into blocks in a second, picks
 * the content by scoring ({@link ContentScorer}), assembles the paragraphs ({@link BodyAssembler}) and reads the
 * metadata.
 * Pure and thread-safe: the phrase rules are loaded once and never change.
 */
public final class ArticleExtractor {
    /** Bump whenever the output for the same input can change, so stored extractions can be told apart. */
    public static final String VERSION = "1.1.0";

    /** A clean body shorter than this is retried with the text under furniture markup taken into account. */
    private static final int MIN_CLEAN_BODY_CHARS = 250;
    /** How far before the body a date line near the headline may sit. */
    private static final int DATE_LINES_BEFORE_BODY = 15;
    /** The headline, a date line, tools and a lead image's caption may stand between a byline and the body. */
    private static final int BYLINE_LINES_BEFORE_BODY = 8;
    private static final int DATE_LINES_IN_BODY = 3;

    private final BoilerplatePhrases phrases = BoilerplatePhrases.load();
    private final BodyAssembler assembler = new BodyAssembler(phrases);

    public ExtractedPage extract(byte[] body, String contentTypeHeader, String url) {
        BinaryDetector.requireText(body);
        return extractText(body == null ? new PageReader("") : PageReader.of(body, contentTypeHeader), url);
    }

    public ExtractedPage extract(String html, String url) {
        BinaryDetector.requireText(html);
        return extractText(new PageReader(html == null ? "" : html), url);
    }

    private ExtractedPage extractText(Reader page, String url) {
        Document doc = Parser.htmlParser().parseInput(page, url == null ? "" : url);
        PageMarkup markup = PageMarkup.of(doc);
        JsonLd jsonLd = JsonLd.of(markup);
        Segmentation seg = BlockSegmenter.segment(doc.body());
        String title = TitleExtractor.find(markup, jsonLd, url, text -> isShownAsLine(seg, text));
        String structuralByline = BylineExtractor.find(markup, jsonLd);

        ContentScorer.Selection selection = ContentScorer.select(seg, true);
        BodyAssembler.Body body = assembler.assemble(seg, selection.roots(), true, title, structuralByline);
        if (body.chars() < MIN_CLEAN_BODY_CHARS) {
            ContentScorer.Selection all = ContentScorer.select(seg, false);
            BodyAssembler.Body retry = assembler.assemble(seg, all.roots(), false, title, structuralByline);
            if (retry.chars() > body.chars()) {
                selection = all;
                body = retry;
            }
        }
        String method = jsonLd.hasArticle() ? "json-ld+dom" : "dom";
        if (body.chars() < MIN_CLEAN_BODY_CHARS && jsonLd.articleBody().length() >= MIN_CLEAN_BODY_CHARS) {
            // Script-rendered pages ship the text only in their JSON-LD.
            BodyAssembler.Body declared = assembler.assembleDeclared(jsonLd.articleBody(), title, structuralByline);
            if (declared.chars() > body.chars()) {
                body = declared;
                method = "json-ld";
            }
        }
        List<String> paragraphs = body.paragraphs();

        String byline = structuralByline != null ? structuralByline
                : body.byline() != null ? body.byline() : BylineExtractor.aboveBody(linesAboveBody(seg, body), phrases);
        String lang = LanguageDetector.detect(title + "\n" + String.join("\n", paragraphs), markup.htmlLang);
        // Only American English writes the month first in numeric dates; Arabic and European pages do not.
        boolean dayFirst = !lang.equals("en");
        Instant published = DateExtractor.find(doc, markup, jsonLd, linesNearHeadline(seg, body), dayFirst);
        String canonical = CanonicalUrl.find(markup, url);

        String ogType = markup.meta("og:type").toLowerCase(Locale.ROOT);
        boolean declaredArticle = jsonLd.hasArticle() || ogType.equals("article");
        boolean declaredListing = jsonLd.isListing() || ogType.equals("website") && !jsonLd.hasArticle();
        boolean isArticle = ListingDetector.isArticle(seg, selection.roots(), paragraphs, declaredArticle,
                declaredListing);
        return new ExtractedPage(title, byline, published, isArticle ? paragraphs : List.of(), lang, canonical,
                isArticle, body.removed(), method);
    }

    private static boolean isShownAsLine(Segmentation seg, String text) {
        String key = BoilerplatePhrases.canonical(text);
        if (key.isEmpty()) {
            return false;
        }
        for (Block b : seg.blocks()) {
            // Only lines of about the same length can be equal once normalised; the rest are not normalised.
            if (Math.abs(b.text().length() - text.length()) <= text.length() / 5 + 2
                    && BoilerplatePhrases.canonical(b.text()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The lines just above the body, nearest first: where a template prints the byline under the headline. */
    private static List<String> linesAboveBody(Segmentation seg, BodyAssembler.Body body) {
        List<String> lines = new ArrayList<>();
        for (int i = body.firstBlock() - 1; i >= Math.max(0, body.firstBlock() - BYLINE_LINES_BEFORE_BODY); i--) {
            lines.add(seg.blocks().get(i).text());
        }
        return lines;
    }

    /** The lines just above the body, nearest first, then the body's first lines: where a date line is printed. */
    private static List<String> linesNearHeadline(Segmentation seg, BodyAssembler.Body body) {
        List<String> lines = new ArrayList<>();
        int first = body.firstBlock();
        if (first < 0) {
            return lines;
        }
        for (int i = first - 1; i >= Math.max(0, first - DATE_LINES_BEFORE_BODY); i--) {
            lines.add(seg.blocks().get(i).text());
        }
        for (int i = first; i < Math.min(seg.blocks().size(), first + DATE_LINES_IN_BODY); i++) {
            lines.add(seg.blocks().get(i).text());
        }
        return lines;
    }
}
