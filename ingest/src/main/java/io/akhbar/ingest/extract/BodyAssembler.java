package io.akhbar.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the chosen content elements into the article's paragraphs: drops what markup, link density or wording
 * says is furniture, the headline and byline repeated at the top of the body, a trailing author box, and
 * repeats; repairs what is left for display.
 */
final class BodyAssembler {
    /** Links make up most of a navigation line; prose with links in it stays well below. */
    private static final double MAX_BLOCK_LINK_DENSITY = 0.5;
    private static final double MAX_PROSE_LINK_DENSITY = 0.8;
    private static final int PROSE_LINE_CHARS = 150;
    private static final double MAX_GROUP_LINK_DENSITY = 0.33;
    private static final double MAX_LIST_LINK_DENSITY = 0.2;
    private static final double MAX_PROSE_GROUP_LINK_DENSITY = 0.5;
    /** A group of blocks with this many commas is prose, whatever its links. */
    private static final int PROSE_COMMAS = 10;
    /** Bylines and date lines are printed within the first lines of the body. */
    private static final int TOP_LINES = 3;
    private static final int MAX_DATE_LINE = 60;
    private static final int MAX_PHRASE_LINE = 400;
    private static final int MIN_REPEATED_CHARS = 80;
    private static final int MAX_AUTHOR_BOX_LINE = 400;
    private static final int AUTHOR_BOX_TAIL = 3;
    private static final double MAX_MARKED_SHARE = 0.5;
    /** A card's label alone ("اقرأ أيضا"), or with the linked headline on its line ("اقرأ أيضا: ..."). */
    private static final int MAX_LABEL_ALONE = 40;
    private static final int MAX_CARD_LABEL = 200;
    /** A card is its label, headline, teaser and perhaps a date; the box may sit two levels above the label. */
    private static final int MAX_CARD_BLOCKS = 5;
    private static final int MAX_CARD_CHARS = 600;
    private static final int CARD_LEVELS = 2;
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SIGN_OFF = Pattern.compile(
            "[/(\\s]*\\p{IsArabic}{1,2}(?:[\\s/.]+(?:\\p{IsArabic}{1,2}|\\d{1,5}))+[/)\\s]*");

    /**
     * @param paragraphs repaired paragraphs, in order
     * @param removed    snippets dropped from the content area
     * @param byline     a byline line found at the top of the body, or null
     * @param firstBlock index of the first block of the content area, -1 when there is none
     */
    record Body(List<String> paragraphs, List<String> removed, String byline, int firstBlock, int chars) {
    }

    private final BoilerplatePhrases phrases;

    BodyAssembler(BoilerplatePhrases phrases) {
        this.phrases = phrases;
    }

    /**
     * @param cleanOnly whether the roots were chosen by text outside furniture markup; when they were not, that
     *                  markup misfired somewhere, and a mark over most of a root's text is not believed
     */
    Body assemble(Segmentation seg, List<Element> roots, boolean cleanOnly, String title, String knownByline) {
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Element root : roots) {
            Segmentation.Span span = seg.span(root);
            boolean[] linkGroups = linkGroups(seg, root, span);
            boolean[] cards = labelledCards(seg, span);
            int believedMarkChars = cleanOnly ? Integer.MAX_VALUE : (int) (seg.sums(false).chars(span) * MAX_MARKED_SHARE);
            for (int i = span.start(); i < span.end(); i++) {
                Block b = seg.blocks().get(i);
                if (isMarkedBelow(seg, b, span, believedMarkChars) || linkGroups[i - span.start()]
                        || cards[i - span.start()] || isLinkLine(b) || MediaCaption.is(b)) {
                    removed.add(b.text());
                } else {
                    kept.add(b.text());
                }
            }
        }
        int firstBlock = roots.isEmpty() ? -1 : seg.span(roots.get(0)).start();
        return filterLines(kept, removed, title, knownByline, firstBlock);
    }

    /** Mostly a link: a navigation line; long prose keeps its links unless it is nearly all link. */
    private static boolean isLinkLine(Block b) {
        double density = b.linkDensity();
        return density > MAX_BLOCK_LINK_DENSITY && (b.chars() < PROSE_LINE_CHARS || density > MAX_PROSE_LINK_DENSITY);
    }

    private static boolean isMarkedBelow(Segmentation seg, Block b, Segmentation.Span root, int believedMarkChars) {
        for (Element mark : b.marks()) {
            Segmentation.Span span = seg.span(mark);
            if (span.depth() > root.depth() && seg.sums(false).chars(span) <= believedMarkChars) {
                return true;
            }
        }
        return false;
    }

    /** Blocks inside a group (list, box, table) made mostly of links, such as a related-articles list. */
    private static boolean[] linkGroups(Segmentation seg, Element root, Segmentation.Span rootSpan) {
        boolean[] inGroup = new boolean[rootSpan.end() - rootSpan.start()];
        Segmentation.Sums sums = seg.sums(false);
        List<Element> containers = seg.containers();
        for (int c = seg.firstContainerFrom(rootSpan.start()); c < containers.size(); c++) {
            Element group = containers.get(c);
            Segmentation.Span span = seg.span(group);
            if (span.start() >= rootSpan.end()) {
                break;
            }
            if (span.isEmpty() || !ContentScorer.contains(seg, root, group) || sums.commas(span) >= PROSE_COMMAS) {
                continue;
            }
            double linkDensity = sums.linkDensity(span);
            String tag = group.normalName();
            boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
            double limit = list ? MAX_LIST_LINK_DENSITY
                    : ContentScorer.classWeight(group) > 0 ? MAX_PROSE_GROUP_LINK_DENSITY : MAX_GROUP_LINK_DENSITY;
            if (linkDensity > limit) {
                for (int i = span.start(); i < span.end(); i++) {
                    inGroup[i - rootSpan.start()] = true;
                }
            }
        }
        return inGroup;
    }

    /**
     * Blocks of a card set into the body to point at another article: a small box headed by a furniture label
     * ("اقرأ أيضا"), holding a picture and a linked headline, and perhaps a teaser sentence. The label and the link
     * go as lines of their own anyway; the teaser is a sentence like any other, so only the box gives it away.
     */
    private boolean[] labelledCards(Segmentation seg, Segmentation.Span rootSpan) {
        boolean[] inCard = new boolean[rootSpan.end() - rootSpan.start()];
        for (int i = rootSpan.start(); i < rootSpan.end(); i++) {
            Block label = seg.blocks().get(i);
            int length = label.text().length();
            if (length > MAX_CARD_LABEL || length > MAX_LABEL_ALONE && !isLinkLine(label)
                    || phrases.match(label.text()).isEmpty()) {
                continue;
            }
            Element box = label.container();
            for (int up = 0; box != null && up <= CARD_LEVELS; up++, box = box.parent()) {
                Segmentation.Span span = seg.span(box);
                if (span == null || span.end() - span.start() > MAX_CARD_BLOCKS || span.start() < rootSpan.start()
                        || span.end() > rootSpan.end()) {
                    break;
                }
                if (span.end() - span.start() >= 2 && seg.sums(false).chars(span) <= MAX_CARD_CHARS
                        && box.selectFirst(MediaCaption.MEDIA) != null && holdsLinkLine(seg, span)) {
                    for (int j = span.start(); j < span.end(); j++) {
                        inCard[j - rootSpan.start()] = true;
                    }
                    break;
                }
            }
        }
        return inCard;
    }

    private static boolean holdsLinkLine(Segmentation seg, Segmentation.Span span) {
        for (int j = span.start(); j < span.end(); j++) {
            if (isLinkLine(seg.blocks().get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same line filters over the plain text a page declares as its body (JSON-LD {@code articleBody}), for
     * pages whose markup holds no article text of its own.
     */
    Body assembleDeclared(String articleBody, String title, String knownByline) {
        List<String> lines = new ArrayList<>();
        if (articleBody.indexOf('<') >= 0) {
            // Some publishers put the body's HTML, not its text, in the JSON-LD.
            for (Block b : BlockSegmenter.segment(Jsoup.parseBodyFragment(articleBody).body()).blocks()) {
                lines.add(b.text());
            }
        } else {
            for (String line : LINE_BREAKS.split(articleBody)) {
                String folded = SPACES.matcher(line.strip()).replaceAll(" ");
                if (!folded.isEmpty()) {
                    lines.add(folded);
                }
            }
        }
        return filterLines(lines, new ArrayList<>(), title, knownByline, -1);
    }

    private Body filterLines(List<String> lines, List<String> removed, String title, String knownByline,
                             int firstBlock) {
        String titleKey = BoilerplatePhrases.canonical(title);
        String bylineKey = knownByline == null ? "" : BoilerplatePhrases.canonical(knownByline);
        Set<String> seen = new HashSet<>();
        String lastKey = null;
        List<String> paragraphs = new ArrayList<>();
        String bodyByline = null;
        for (String text : lines) {
            // Furniture lines are short; normalising every long paragraph only to compare it would double the cost.
            boolean shortLine = text.length() <= MAX_PHRASE_LINE;
            String key = shortLine ? BoilerplatePhrases.canonical(text) : text;
            if (key.isEmpty() || key.equals(":")) {
                continue;
            }
            boolean atTop = paragraphs.size() < TOP_LINES;
            if (key.equals(titleKey) || isRepeat(key, seen, lastKey)) {
                removed.add(text);
            } else if (shortLine && phrases.matchCanonical(key).isPresent()) {
                removed.add(text);
            } else if (shortLine && atTop && (key.equals(bylineKey) || phrases.isBylineCanonical(key))) {
                bodyByline = bodyByline == null ? Display.repair(BylineExtractor.withoutLead(text)) : bodyByline;
                removed.add(text);
            } else if (atTop && text.length() <= MAX_DATE_LINE && DateText.parse(text, true).isPresent()) {
                removed.add(text);
            } else {
                paragraphs.add(Display.repair(text));
                lastKey = key;
            }
        }
        dropTrailingAuthorBox(paragraphs, removed, bylineKey);
        dropTrailingSignOff(paragraphs, removed);
        int chars = paragraphs.stream().mapToInt(String::length).sum();
        return new Body(paragraphs, removed, bodyByline, firstBlock, chars);
    }

    /**
     * A paragraph printed twice is a template artefact (a lead repeated as the first paragraph, a duplicated
     * box); short lines such as "Serves 4" may recur in a real article, unless one follows the other.
     */
    private static boolean isRepeat(String key, Set<String> seen, String lastKey) {
        boolean first = seen.add(key);
        return key.equals(lastKey) || !first && key.length() >= MIN_REPEATED_CHARS;
    }

    /**
     * A news agency ends its items with the initials of the editors who handled them ("ع ص / م ح",
     * "ر ع / ف ص / 1430 ت م"): a last line of one- and two-letter words, slashes and digits is such a mark.
     */
    private static void dropTrailingSignOff(List<String> paragraphs, List<String> removed) {
        if (!paragraphs.isEmpty() && SIGN_OFF.matcher(paragraphs.get(paragraphs.size() - 1)).matches()) {
            removed.add(paragraphs.remove(paragraphs.size() - 1));
        }
    }

    /** A line naming the author near the end starts an author box: it and the short bio under it go. */
    private static void dropTrailingAuthorBox(List<String> paragraphs, List<String> removed, String bylineKey) {
        if (bylineKey.isEmpty()) {
            return;
        }
        for (int i = Math.max(0, paragraphs.size() - AUTHOR_BOX_TAIL); i < paragraphs.size(); i++) {
            // A paragraph too long to be part of an author box is not normalised only to be compared with a name.
            if (paragraphs.get(i).length() <= MAX_AUTHOR_BOX_LINE
                    && BoilerplatePhrases.canonical(paragraphs.get(i)).equals(bylineKey)) {
                boolean shortTail = paragraphs.subList(i, paragraphs.size()).stream()
                        .allMatch(p -> p.length() <= MAX_AUTHOR_BOX_LINE);
                if (shortTail) {
                    List<String> box = paragraphs.subList(i, paragraphs.size());
                    removed.addAll(box);
                    box.clear();
                }
                return;
            }
        }
    }
}
