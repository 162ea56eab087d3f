package io.akhbar.ingest.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a tag means to the extractor, as bits found with one lookup: the walk over the page asks it of every
 * element, where a lookup per question would cost more than the questions.
 */
final class TagTraits {
    /** Starts a new block of text. */
    static final int BLOCK = 1;
    /** A block that groups other blocks (div, section, lists, tables). */
    static final int CONTAINER = 1 << 1;
    /** Never holds article text: skipped with everything inside it. */
    static final int SKIPPED = 1 << 2;
    /** Page furniture by its tag alone. */
    static final int MARKED = 1 << 3;
    /** Never furniture, whatever its class says. */
    static final int NEVER_MARKED = 1 << 4;

    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot",
            "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset", "legend", "address", "hr",
            "center", "details", "summary", "hgroup", "body", "html", "menu");
    private static final Set<String> CONTAINER_TAGS = Set.of(
            "div", "section", "article", "main", "ul", "ol", "dl", "table", "aside", "header", "footer", "form",
            "center", "details");
    private static final Set<String> SKIPPED_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
            "button", "select", "option", "input", "textarea", "video", "audio", "map", "head", "link", "meta",
            "dialog");
    private static final Set<String> MARKED_TAGS = Set.of(
            "nav", "footer", "aside", "form", "header", "figure", "figcaption", "menu", "label", "fieldset");
    private static final Set<String> NEVER_MARKED_TAGS = Set.of("html", "body", "main", "article");

    private static final Map<String, Integer> TRAITS = traits();

    private TagTraits() {
    }

    /** @param normalName the tag's lower-case name, as jsoup gives it */
    static int of(String normalName) {
        Integer traits = TRAITS.get(normalName);
        return traits == null ? 0 : traits;
    }

    static boolean is(int traits, int trait) {
        return (traits & trait) != 0;
    }

    private static Map<String, Integer> traits() {
        Map<String, Integer> traits = new HashMap<>();
        BLOCK_TAGS.forEach(tag -> traits.merge(tag, BLOCK, (a, b) -> a | b));
        CONTAINER_TAGS.forEach(tag -> traits.merge(tag, CONTAINER, (a, b) -> a | b));
        SKIPPED_TAGS.forEach(tag -> traits.merge(tag, SKIPPED, (a, b) -> a | b));
        MARKED_TAGS.forEach(tag -> traits.merge(tag, MARKED, (a, b) -> a | b));
        NEVER_MARKED_TAGS.forEach(tag -> traits.merge(tag, NEVER_MARKED, (a, b) -> a | b));
        return Map.copyOf(traits);
    }
}
