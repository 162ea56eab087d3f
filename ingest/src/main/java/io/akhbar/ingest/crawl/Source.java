package io.akhbar.ingest.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A news site as the sources file describes it: where its new articles are announced and how often to look.
 *
 * @param id         short stable name, used as the source of every page and as the site tag of metrics
 * @param name       the site's own name, for people
 * @param feeds      RSS or Atom feeds
 * @param sitemaps   XML sitemaps, sitemap indexes or Google News sitemaps
 * @param sections   listing pages whose article links are picked out by a pattern
 * @param repoll     how long after one look at the source the next begins
 * @param extraction per-site help for the extractor, for sites the generic extraction gets wrong
 */
public record Source(String id, String name, List<String> feeds, List<String> sitemaps, List<Section> sections,
                     Duration repoll, Optional<ExtractionOverride> extraction) {

    public Source {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
        sections = List.copyOf(sections);
    }

    /**
     * The host of the first feed, sitemap or section page: the crawler instance that owns this host polls the
     * source, so a site is polled and crawled by one instance when its feeds live on it.
     */
    public String host() {
        String first = !feeds.isEmpty() ? feeds.get(0) : !sitemaps.isEmpty() ? sitemaps.get(0) : sections.get(0).url();
        return URI.create(first).getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * A listing page, and the pattern its article links match: searched for in the canonical link with its
     * percent-escapes decoded, so {@code /20\d\d/\d\d/[^/]+/$} ignores tracking parameters and a pattern may
     * contain Arabic.
     */
    public record Section(String url, Pattern linkPattern) {
    }

    /** A CSS selector for the element holding the article body. */
    public record ExtractionOverride(String bodySelector) {
    }
}
