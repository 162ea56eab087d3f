package io.akhbar.ingest.extract;

import io.akhbar.text.ArabicNormalizer;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who wrote the article, as the page states it in markup: JSON-LD author, author meta tags, {@code rel=author}
 * links, microdata, or an element named for it. A byline line written into the body is found by
 * {@link BodyAssembler} instead, and one printed just above the body ("بقلم: ...", "By ...") by {@link #aboveBody}.
 */
final class BylineExtractor {
    private static final List<String> META_KEYS = List.of(
            "author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator", "dcterms.creator");
    private static final Pattern LEADING_BY = Pattern.compile(
            "^(?:by|written by|posted by|بقلم|كتب|كتبت|كتبه|إعداد|اعداد|بواسطة|الكاتب|المحرر)\\s*[:：\\-–]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** Longer text under an author class is a bio or a whole author box, not a name. */
    private static final int MAX_BYLINE = 80;

    private BylineExtractor() {
    }

    static String find(PageMarkup doc, JsonLd jsonLd) {
        String byline = clean(jsonLd.author());
        for (int i = 0; byline.isEmpty() && i < META_KEYS.size(); i++) {
            String value = doc.meta(META_KEYS.get(i));
            if (!value.startsWith("http")) {
                byline = clean(value);
            }
        }
        if (byline.isEmpty()) {
            for (Element el : doc.authorElements) {
                if (holdsAnother(el, doc.authorElements)) {
                    // A columnist box named for the author holds the name, a title and links: the name is inside.
                    continue;
                }
                Element name = el.selectFirst("[itemprop=name]");
                byline = clean(name != null ? name.text() : el.normalName().equals("meta") ? el.attr("content") : el.text());
                if (!byline.isEmpty()) {
                    break;
                }
            }
        }
        return byline.isEmpty() ? null : ArabicNormalizer.repair(byline);
    }

    private static boolean holdsAnother(Element el, List<Element> authorElements) {
        for (Element other : authorElements) {
            if (other != el && other.parents().contains(el)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nearest of the given lines (those just above the body, nearest first) that names the author after a
     * byline word, as templates print it under the headline without any markup saying so; null when none does.
     */
    static String aboveBody(List<String> linesNearestFirst, BoilerplatePhrases phrases) {
        for (String line : linesNearestFirst) {
            if (LEADING_BY.matcher(line.strip()).lookingAt() && phrases.isBylineLine(line)) {
                String name = clean(line);
                // "By the numbers" is a heading: a name in Latin letters starts with a capital.
                if (!name.isEmpty() && !Character.isLowerCase(name.charAt(0))) {
                    return Display.repair(name);
                }
            }
        }
        return null;
    }

    /** The name alone: "بقلم: سامي بن علي", "كتب - محمود عبد الله" and "By Jane Doe" lose their first words. */
    static String withoutLead(String byline) {
        return LEADING_BY.matcher(byline.strip()).replaceFirst("").strip();
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String s = withoutLead(value);
        return s.length() > MAX_BYLINE ? "" : s;
    }
}
