package io.akhbar.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds when an article was published, trusting machine-readable statements first (JSON-LD, meta tags,
 * microdata, {@code <time>}) and the dates people read last: a date line next to the article first, since a
 * page also shows today's date in its top bar and other articles' dates in its lists, then any element
 * named for dates.
 */
final class DateExtractor {
    private static final Set<String> META_KEYS = Set.of(
            "article:published_time", "og:article:published_time", "article:published", "published_time",
            "og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
            "publication_date", "date_published", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created",
            "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
            "original-publish-date", "article_date_original", "datecreated", "release_date", "displaydate",
            "cxenseparse:recs:publishtime", "rnews:datepublished", "citation_publication_date", "pdate");
    private static final Pattern DATE_NAMES = Pattern.compile("date|time|publish|posted|meta|byline|info");
    /** Date lines are short; longer text is prose that merely mentions a date. */
    private static final int MAX_DATE_LINE = 120;

    private DateExtractor() {
    }

    /**
     * @param nearHeadline blocks before the article body and its first lines, where sites print the date
     */
    static Instant find(Document doc, PageMarkup markup, JsonLd jsonLd, List<String> nearHeadline, boolean dayFirst) {
        return parse(jsonLd.datePublished(), dayFirst)
                .or(() -> fromMeta(markup, dayFirst))
                .or(() -> fromMicrodata(markup, dayFirst))
                .or(() -> fromTimeElements(markup, dayFirst))
                .or(() -> nearHeadline.stream()
                        .filter(line -> line.length() <= MAX_DATE_LINE)
                        .map(line -> DateText.parse(line, dayFirst))
                        .flatMap(Optional::stream)
                        .findFirst())
                .or(() -> fromDateNamedElements(doc, dayFirst))
                .orElse(null);
    }

    private static Optional<Instant> parse(String value, boolean dayFirst) {
        return value == null || value.isBlank() ? Optional.empty() : DateText.parse(value, dayFirst);
    }

    private static Optional<Instant> fromMeta(PageMarkup markup, boolean dayFirst) {
        for (Element meta : markup.metas) {
            String key = firstNonEmpty(meta.attr("property"), meta.attr("name"), meta.attr("itemprop"))
                    .toLowerCase(Locale.ROOT);
            if (META_KEYS.contains(key)) {
                Optional<Instant> date = parse(meta.attr("content"), dayFirst);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> fromMicrodata(PageMarkup markup, boolean dayFirst) {
        for (Element el : markup.datePublishedElements) {
            Optional<Instant> date = parse(firstNonEmpty(el.attr("datetime"), el.attr("content"), el.text()), dayFirst);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** A {@code <time>} that says it is the publication time wins; otherwise the first one that parses. */
    private static Optional<Instant> fromTimeElements(PageMarkup markup, boolean dayFirst) {
        List<Element> times = markup.times;
        for (Element time : times) {
            String names = (StructuralBoilerplate.names(time) + " " + time.attr("itemprop")).toLowerCase(Locale.ROOT);
            if (time.hasAttr("pubdate") || names.contains("publish")) {
                Optional<Instant> date = parse(firstNonEmpty(time.attr("datetime"), time.text()), dayFirst);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        for (Element time : times) {
            Optional<Instant> date = parse(firstNonEmpty(time.attr("datetime"), time.text()), dayFirst);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> fromDateNamedElements(Document doc, boolean dayFirst) {
        for (Element el : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String names = StructuralBoilerplate.names(el);
            if (names.isEmpty() || !DATE_NAMES.matcher(names).find()) {
                continue;
            }
            String text = el.text();
            if (text.length() <= MAX_DATE_LINE) {
                Optional<Instant> date = DateText.parse(text, dayFirst);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
