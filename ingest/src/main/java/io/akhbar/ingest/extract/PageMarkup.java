package io.akhbar.ingest.extract;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The elements that carry metadata (meta tags, JSON-LD scripts, canonical links, {@code <time>}, headings,
 * author and date markup), gathered in one walk over the document: asking the DOM for each of them separately
 * would walk the whole page a dozen times.
 */
final class PageMarkup {
    /** Class names that say their element names the author, alone or as the last part of a compound name. */
    private static final Set<String> AUTHOR_WORDS = Set.of("author", "byline", "writer");

    /** The document's {@code <title>}, white space folded, as {@link Document#title()} gives it. */
    String title = "";
    final String htmlLang;
    final List<Element> jsonLdScripts = new ArrayList<>();
    final List<Element> canonicalLinks = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    final List<Element> authorElements = new ArrayList<>();
    final List<Element> datePublishedElements = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    private final Map<String, String> metaContent = new HashMap<>();

    private PageMarkup(Document doc) {
        Element html = doc.firstElementChild();
        this.htmlLang = html == null ? "" : html.attr("lang");
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> collect(node), doc);
    }

    static PageMarkup of(Document doc) {
        return new PageMarkup(doc);
    }

    private void collect(Node node) {
        if (!(node instanceof Element el)) {
            return;
        }
        switch (el.normalName()) {
            case "meta" -> addMeta(el);
            case "script" -> {
                if (el.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLdScripts.add(el);
                }
            }
            case "link" -> {
                if (el.attr("rel").equalsIgnoreCase("canonical") && el.hasAttr("href")) {
                    canonicalLinks.add(el);
                }
            }
            case "time" -> times.add(el);
            case "h1" -> h1s.add(el);
            case "title" -> {
                // Document.title() would search the head a second time.
                if (title.isEmpty() && el.parent() != null && el.parent().normalName().equals("head")) {
                    title = StringUtil.normaliseWhitespace(el.text()).strip();
                }
            }
            default -> { }
        }
        if (el.attributesSize() == 0) {
            return;
        }
        String itemprop = el.attr("itemprop");
        if (itemprop.equalsIgnoreCase("datePublished") || itemprop.equalsIgnoreCase("dateCreated")) {
            datePublishedElements.add(el);
        }
        if (el.attr("rel").equalsIgnoreCase("author") || itemprop.equalsIgnoreCase("author") || hasAuthorClass(el)) {
            authorElements.add(el);
        }
    }

    private static boolean hasAuthorClass(Element el) {
        String cls = el.className();
        // Cheap rejection first: this runs on every element of the page.
        if (cls.isEmpty() || !(cls.contains("uthor") || cls.contains("yline") || cls.contains("riter"))) {
            return false;
        }
        for (String name : cls.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (AUTHOR_WORDS.contains(name) || name.equals("authorname") || namesAuthor(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A compound name ending in an author word, or in one followed by "name" (post-author, news-author,
     * field--name-field-writer, author_name, td-post-author-name), but not a comment's author.
     */
    private static boolean namesAuthor(String className) {
        String[] parts = className.split("[-_]+");
        if (parts.length < 2 || parts[0].startsWith("comment")) {
            return false;
        }
        String last = parts[parts.length - 1];
        return AUTHOR_WORDS.contains(last)
                || last.equals("name") && AUTHOR_WORDS.contains(parts[parts.length - 2]);
    }

    private void addMeta(Element meta) {
        metas.add(meta);
        String content = meta.attr("content").strip();
        if (content.isEmpty()) {
            return;
        }
        for (String attr : List.of("property", "name", "itemprop")) {
            String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                metaContent.putIfAbsent(key, content);
            }
        }
    }

    /** The first non-empty content of a meta tag named {@code key} in property, name or itemprop; "" if none. */
    String meta(String key) {
        return metaContent.getOrDefault(key.toLowerCase(Locale.ROOT), "");
    }
}
