package io.akhbar.ingest.extract;

import io.akhbar.ingest.discover.UrlCanonicalizer;
import org.jsoup.nodes.Element;

import java.net.URI;

/**
 * The page's own address for itself: {@code rel=canonical}, else {@code og:url}, else where it was fetched, in its
 * canonical spelling (the tracking parameters of a link shared on social media are not part of the address).
 */
final class CanonicalUrl {
    private static final UrlCanonicalizer CANONICALIZER = new UrlCanonicalizer();

    private CanonicalUrl() {
    }

    static String find(PageMarkup doc, String url) {
        for (Element link : doc.canonicalLinks) {
            String abs = absolute(link.attr("href"), url);
            if (abs != null) {
                return abs;
            }
        }
        String og = absolute(doc.meta("og:url"), url);
        if (og != null) {
            return og;
        }
        return url == null || url.isBlank() ? null : CANONICALIZER.canonicalize(url).orElse(url.strip());
    }

    private static String absolute(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI ref = new URI(href.strip().replace(" ", "%20"));
            if (ref.isAbsolute()) {
                return ref.toString();
            }
            if (base == null || base.isBlank()) {
                return null;
            }
            return new URI(base.strip()).resolve(ref).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException badUrl) {
            return null;
        }
    }
}
