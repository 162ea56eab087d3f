package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the element that holds the article. Every prose block gives points to the elements around it, most to
 * its parent and less the further up (text density and punctuation decide how many); an element's points are
 * then discounted by its link density. Markup names are hints that add or take points, never verdicts. The
 * winner may move up to an ancestor that gathers several strong candidates, and takes along siblings that look
 * like more of the same article.
 */
final class ContentScorer {
    /** Shorter blocks are labels, buttons and captions: they say nothing about where the article is. */
    private static final int MIN_SCORED_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int ALTERNATIVES_NEEDED = 3;
    private static final double ALTERNATIVE_SHARE = 0.75;
    private static final int TOP_CANDIDATES = 5;
    private static final double SIBLING_SHARE = 0.2;
    private static final double MIN_SIBLING_SCORE = 10;
    private static final int COUSIN_LEVELS = 3;
    private static final int LOOSE_PARAGRAPH_CHARS = 80;
    private static final double LOOSE_PARAGRAPH_LINK_DENSITY = 0.25;

    private static final KeywordMatcher POSITIVE = KeywordMatcher.of(Set.of(
            "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog",
            "story", "detail", "matn", "nass"));
    private static final KeywordMatcher NEGATIVE = KeywordMatcher.of(Set.of(
            "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media", "meta",
            "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
            "shopping", "tags", "tool", "widget", "teaser", "card", "thumb", "list", "grid"));
    private static final double CLASS_WEIGHT = 25;
    private static final double FULL_HINT_POINTS = 10;

    /** The chosen elements in document order, with the scores that chose them. */
    record Selection(List<Element> roots, Map<Element, Double> scores) {
    }

    private ContentScorer() {
    }

    /** {@code cleanOnly}: blocks under furniture markup neither score nor, later, reach the output. */
    static Selection select(Segmentation seg, boolean cleanOnly) {
        Map<Element, Double> raw = new IdentityHashMap<>();
        for (Block b : seg.blocks()) {
            if (cleanOnly && b.isMarked() || b.chars() < MIN_SCORED_CHARS || b.kind() == Block.Kind.LIST_ITEM) {
                continue;
            }
            double points = 1 + b.commas() + Math.min(b.chars() / 100, 3);
            Element target = b.kind() == Block.Kind.LOOSE_TEXT ? b.container() : b.container().parent();
            int level = 0;
            for (; target != null && level < ANCESTOR_LEVELS; target = target.parent()) {
                // Inline wrappers around blocks (a <span> or <font> around paragraphs) are not candidates.
                if (BlockSegmenter.isBlock(target) && seg.span(target) != null) {
                    double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                    raw.merge(target, points * share, Double::sum);
                    level++;
                }
            }
        }
        Segmentation.Sums sums = seg.sums(cleanOnly);
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> e : raw.entrySet()) {
            Element el = e.getKey();
            double points = e.getValue();
            // Markup names vouch for an element only as far as its own text does: a "content-title" box with a
            // dateline must not outscore the article on its class name alone.
            double hint = initialScore(el) * Math.min(1, points / FULL_HINT_POINTS);
            double score = (points + hint) * (1 - sums.linkDensity(seg.span(el)));
            scores.put(el, score);
        }
        if (scores.isEmpty()) {
            return new Selection(List.of(), scores);
        }
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((Element el) -> scores.get(el)).reversed());
        Element top = ranked.get(0);
        top = commonAncestorOfAlternatives(top, ranked, scores, seg);
        top = climbWhileParentScoresHigher(top, scores, seg);
        top = climbSingleChildWrappers(top, seg);
        List<Element> roots = withSiblings(top, scores, seg, sums, cleanOnly);
        return new Selection(withSameClassCousins(top, roots, ranked, scores, seg), scores);
    }

    /**
     * Templates that cut a long article into chunks between ads repeat the body's class on each chunk, and the
     * chunks sit in separate wrappers, out of reach of the sibling rule.
     */
    private static List<Element> withSameClassCousins(Element top, List<Element> roots, List<Element> ranked,
                                                      Map<Element, Double> scores, Segmentation seg) {
        String className = top.className();
        if (className.isEmpty()) {
            return roots;
        }
        Element scope = top;
        for (int i = 0; i < COUSIN_LEVELS && scope.parent() != null && seg.span(scope.parent()) != null; i++) {
            scope = scope.parent();
        }
        double threshold = Math.max(MIN_SIBLING_SCORE, wrappedScore(top, scores) * SIBLING_SHARE);
        List<Element> all = new ArrayList<>(roots);
        for (Element candidate : ranked) {
            if (scores.get(candidate) < threshold) {
                break;
            }
            if (candidate != top && candidate.normalName().equals(top.normalName())
                    && className.equals(candidate.className()) && contains(seg, scope, candidate)
                    && all.stream().noneMatch(r -> r == candidate || contains(seg, r, candidate)
                    || contains(seg, candidate, r))) {
                all.add(candidate);
            }
        }
        if (all.size() > roots.size()) {
            all.sort(Comparator.comparingInt((Element el) -> seg.span(el).start()));
        }
        return all;
    }

    private static double initialScore(Element el) {
        double score = switch (el.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(el);
    }

    static double classWeight(Element el) {
        if (el.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return CLASS_WEIGHT * 2;
        }
        String names = StructuralBoilerplate.names(el);
        if (names.isEmpty()) {
            return 0;
        }
        double weight = 0;
        if (NEGATIVE.foundIn(names)) {
            weight -= CLASS_WEIGHT;
        }
        if (POSITIVE.foundIn(names)) {
            weight += CLASS_WEIGHT;
        }
        return weight;
    }

    /**
     * When the article is split into several similar boxes (one per section or page), each scores alone; the
     * nearest ancestor holding three of the strongest is the article.
     */
    private static Element commonAncestorOfAlternatives(Element top, List<Element> ranked, Map<Element, Double> scores,
                                                        Segmentation seg) {
        double topScore = scores.get(top);
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), TOP_CANDIDATES); i++) {
            Element other = ranked.get(i);
            if (scores.get(other) >= topScore * ALTERNATIVE_SHARE) {
                alternatives.add(other);
            }
        }
        if (alternatives.size() < ALTERNATIVES_NEEDED) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && seg.span(ancestor) != null; ancestor = ancestor.parent()) {
            if (ancestor.normalName().equals("body")) {
                break;
            }
            int contained = 0;
            for (Element alt : alternatives) {
                if (contains(seg, ancestor, alt)) {
                    contained++;
                }
            }
            if (contained >= ALTERNATIVES_NEEDED) {
                return ancestor;
            }
        }
        return top;
    }

    private static Element climbWhileParentScoresHigher(Element top, Map<Element, Double> scores, Segmentation seg) {
        double lastScore = scores.getOrDefault(top, 0.0);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && seg.span(parent) != null; parent = parent.parent()) {
            if (parent.normalName().equals("body")) {
                break;
            }
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                return parent;
            }
            lastScore = parentScore;
        }
        return top;
    }

    private static Element climbSingleChildWrappers(Element top, Segmentation seg) {
        Element el = top;
        while (el.parent() != null && seg.span(el.parent()) != null && !el.parent().normalName().equals("body")
                && el.parent().childrenSize() == 1) {
            el = el.parent();
        }
        return el;
    }

    private static List<Element> withSiblings(Element top, Map<Element, Double> scores, Segmentation seg,
                                              Segmentation.Sums sums, boolean cleanOnly) {
        Element parent = top.parent();
        if (parent == null || seg.span(parent) == null) {
            return List.of(top);
        }
        double topScore = wrappedScore(top, scores);
        double threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SHARE);
        List<Element> roots = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                roots.add(top);
                continue;
            }
            Segmentation.Span span = seg.span(sibling);
            if (span == null || span.isEmpty() || cleanOnly && isMarkedSpan(seg, span)) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
                    ? topScore * SIBLING_SHARE : 0;
            double score = wrappedScore(sibling, scores);
            if (score > 0 && score + bonus >= threshold) {
                roots.add(sibling);
            } else if (sibling.normalName().equals("p") && isLooseParagraph(seg, sums, span)) {
                roots.add(sibling);
            }
        }
        return roots;
    }

    /** A paragraph beside the article but outside its box: prose if long with few links, or a whole sentence. */
    private static boolean isLooseParagraph(Segmentation seg, Segmentation.Sums sums, Segmentation.Span span) {
        int chars = sums.chars(span);
        double linkDensity = sums.linkDensity(span);
        return chars > LOOSE_PARAGRAPH_CHARS && linkDensity < LOOSE_PARAGRAPH_LINK_DENSITY
                || chars > 0 && chars <= LOOSE_PARAGRAPH_CHARS && linkDensity == 0 && endsSentence(seg, span);
    }

    /**
     * The best score down a chain of single-child wrappers: a wrapper has the text of the box inside it but,
     * scored from a distance, only a fraction of its points.
     */
    private static double wrappedScore(Element el, Map<Element, Double> scores) {
        double best = scores.getOrDefault(el, 0.0);
        for (Element inner = el; inner.childrenSize() == 1; ) {
            inner = inner.child(0);
            best = Math.max(best, scores.getOrDefault(inner, 0.0));
        }
        return best;
    }

    private static boolean isMarkedSpan(Segmentation seg, Segmentation.Span span) {
        for (int i = span.start(); i < span.end(); i++) {
            if (!seg.blocks().get(i).isMarked()) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsSentence(Segmentation seg, Segmentation.Span span) {
        String last = seg.blocks().get(span.end() - 1).text();
        char c = last.charAt(last.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '\u061F' || c == '\u06D4' || c == '\u3002';
    }

    /** Whether {@code inner} lies inside {@code outer}: nested spans at a greater depth. */
    static boolean contains(Segmentation seg, Element outer, Element inner) {
        Segmentation.Span o = seg.span(outer);
        Segmentation.Span i = seg.span(inner);
        return o != null && i != null && i.depth() > o.depth() && i.start() >= o.start() && i.end() <= o.end()
                && (!i.isEmpty() || inner.parents().contains(outer));
    }
}
