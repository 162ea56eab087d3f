package io.akhbar.ingest.discover;

import io.akhbar.ingest.fetch.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds article links on a section page (a category or "latest news" listing) of a site without usable feeds. */
public final class SectionDiscovery {
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^;\"'\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final DocumentFetcher fetcher;
    private final UrlCanonicalizer canonicalizer;

    public SectionDiscovery(DocumentFetcher fetcher, UrlCanonicalizer canonicalizer) {
        this.fetcher = fetcher;
        this.canonicalizer = canonicalizer;
    }

    /**
     * The canonical URLs of the links on the section page that stay on its host and match the pattern, in page
     * order. A page that is unchanged since the last poll or could not be fetched gives none.
     */
    public List<DiscoveredUrl> discover(String sectionUrl, Pattern linkPattern, String sourceId)
            throws InterruptedException {
        if (!(fetcher.fetch(sectionUrl) instanceof FetchResult.Fetched page)) {
            return List.of();
        }
        return articleLinks(page.finalUrl(), page.body(), page.contentType().orElse(null), linkPattern).stream()
                .map(url -> new DiscoveredUrl(url, sourceId, Optional.empty()))
                .toList();
    }

    /**
     * The pattern is searched for (it need not match whole) in the canonical link with its percent-escapes
     * decoded, as an address bar shows it: tracking parameters and fragments are gone, and Arabic is Arabic.
     */
    List<String> articleLinks(String pageUrl, byte[] html, String contentType, Pattern linkPattern) {
        Optional<String> pageHost = canonicalizer.canonicalize(pageUrl).map(url -> URI.create(url).getHost());
        if (pageHost.isEmpty()) {
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : parse(html, contentType, pageUrl).select("a[href]")) {
            canonicalizer.canonicalize(anchor.absUrl("href"))
                    .filter(link -> URI.create(link).getHost().equals(pageHost.get()))
                    .filter(link -> linkPattern.matcher(decoded(link)).find())
                    .ifPresent(links::add);
        }
        return List.copyOf(links);
    }

    private static String decoded(String canonicalUrl) {
        URI uri = URI.create(canonicalUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** The charset of the Content-Type header wins; without one jsoup reads the BOM or the meta declaration. */
    private static Document parse(byte[] html, String contentType, String baseUrl) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), declaredCharset(contentType), baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    private static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET.matcher(contentType);
        try {
            return matcher.find() && Charset.isSupported(matcher.group(1)) ? matcher.group(1) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
