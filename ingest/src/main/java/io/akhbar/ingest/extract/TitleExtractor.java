package io.akhbar.ingest.extract;

import io.akhbar.text.ArabicNormalizer;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline, once: from JSON-LD or OpenGraph (what the publisher tells machines), else the page's
 * {@code <h1>}, else {@code <title>}; in each case without the site name that titles carry as a suffix or prefix.
 */
final class TitleExtractor {
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·•»«:｜/]{1,2}\\s+|\\s*::\\s*");
    /** A trailing part this short next to a long headline is a site or section name. */
    private static final int MAX_SITE_WORDS = 4;

    private TitleExtractor() {
    }

    /**
     * @param shownAsLine whether a text stands on the page as a line of its own, as a headline does
     */
    static String find(PageMarkup doc, JsonLd jsonLd, String url, Predicate<String> shownAsLine) {
        List<String> siteNames = siteNames(doc, url);
        for (String candidate : List.of(jsonLd.headline(), doc.meta("og:title"), doc.meta("twitter:title"))) {
            String title = withoutSiteName(candidate, siteNames, doc, shownAsLine);
            if (!title.isEmpty()) {
                return ArabicNormalizer.repair(title);
            }
        }
        String docTitle = withoutSiteName(doc.title, siteNames, doc, shownAsLine);
        if (docTitle.isEmpty()) {
            return ArabicNormalizer.repair(firstHeading(doc));
        }
        int titleLength = BoilerplatePhrases.canonical(docTitle).length();
        for (Element h1 : doc.h1s) {
            String text = h1.text().strip();
            // A logo in an <h1> is also part of the <title>, but it is much shorter than the headline.
            if (BoilerplatePhrases.canonical(text).length() * 2 >= titleLength && canonicalContains(doc.title, text)) {
                return ArabicNormalizer.repair(text);
            }
        }
        return ArabicNormalizer.repair(docTitle);
    }

    private static String firstHeading(PageMarkup doc) {
        for (Element h1 : doc.h1s) {
            String text = h1.text().strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static List<String> siteNames(PageMarkup doc, String url) {
        List<String> names = new ArrayList<>();
        for (String key : List.of("og:site_name", "application-name", "twitter:site")) {
            String value = doc.meta(key);
            String name = value.startsWith("@") ? value.substring(1) : value;
            if (!name.isEmpty()) {
                names.add(BoilerplatePhrases.canonical(name));
            }
        }
        String host = host(url);
        if (!host.isEmpty()) {
            names.add(host);
        }
        return names;
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException badUrl) {
            return "";
        }
    }

    /**
     * Drops the part of a "Headline - Site" (or "Site | Headline") title that names the site: a part matching a
     * known site name or host, or else a short last part when the page confirms the rest is the headline (an
     * {@code <h1>} or a line of its own says so).
     */
    static String withoutSiteName(String title, List<String> siteNames, PageMarkup doc,
                                  Predicate<String> shownAsLine) {
        String t = title == null ? "" : title.strip();
        Matcher sep = SEPARATOR.matcher(t);
        if (!sep.find()) {
            return t;
        }
        int firstStart = sep.start();
        int firstEnd = sep.end();
        int lastStart = firstStart;
        int lastEnd = firstEnd;
        while (sep.find()) {
            lastStart = sep.start();
            lastEnd = sep.end();
        }
        String first = t.substring(0, firstStart).strip();
        String last = t.substring(lastEnd).strip();
        String rest = t.substring(0, lastStart).strip();
        if (isSiteName(last, siteNames)) {
            return rest;
        }
        if (isSiteName(first, siteNames)) {
            return t.substring(firstEnd).strip();
        }
        if (last.split("\\s+").length <= MAX_SITE_WORDS && rest.length() > 2 * last.length()) {
            String h1 = firstHeading(doc);
            if (!h1.isEmpty() && canonicalContains(rest, h1) && !canonicalContains(h1, last) || shownAsLine.test(rest)) {
                return rest;
            }
        }
        return t;
    }

    private static boolean isSiteName(String part, List<String> siteNames) {
        String key = BoilerplatePhrases.canonical(part);
        if (key.isEmpty()) {
            return false;
        }
        String squeezed = key.replace(" ", "");
        for (String name : siteNames) {
            String nameSqueezed = name.replace(" ", "").replace(".", "");
            if (name.equals(key) || !nameSqueezed.isEmpty()
                    && (nameSqueezed.equals(squeezed.replace(".", "")) || name.startsWith(squeezed + "."))) {
                return true;
            }
        }
        return false;
    }

    private static boolean canonicalContains(String haystack, String needle) {
        String n = BoilerplatePhrases.canonical(needle);
        return !n.isEmpty() && BoilerplatePhrases.canonical(haystack).contains(n);
    }
}
