package io.akhbar.ingest.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.akhbar.ingest.fetch.FetchResult;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the article URLs out of RSS and Atom feeds, XML and text sitemaps (Google News sitemaps included),
 * following sitemap indexes down to a depth limit.
 */
public final class FeedDiscovery {
    private static final Logger log = LoggerFactory.getLogger(FeedDiscovery.class);

    /**
     * @param urls       canonical article URLs, in document order
     * @param unreadable documents that were fetched but are neither a feed nor a sitemap
     */
    public record Result(List<DiscoveredUrl> urls, List<String> unreadable) {
    }

    private final DocumentFetcher fetcher;
    private final UrlCanonicalizer canonicalizer;
    private final int maxSitemapDepth;
    private final SitemapIndexes indexes;

    /**
     * @param maxSitemapDepth levels of sitemap indexes followed below the given URL; 0 follows none
     * @param indexes         what earlier polls learnt of the documents, kept by the caller from poll to poll
     */
    public FeedDiscovery(DocumentFetcher fetcher, UrlCanonicalizer canonicalizer, int maxSitemapDepth,
                         SitemapIndexes indexes) {
        this.fetcher = fetcher;
        this.canonicalizer = canonicalizer;
        this.maxSitemapDepth = maxSitemapDepth;
        this.indexes = indexes;
    }

    /**
     * The URLs listed by a feed or sitemap. A feed or sitemap that is unchanged since the last poll, or could not be
     * fetched, lists nothing; an unchanged sitemap index leads to its children all the same.
     */
    public Result discover(String feedOrSitemapUrl, String sourceId) throws InterruptedException {
        List<DiscoveredUrl> urls = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        walk(feedOrSitemapUrl, sourceId, 0, new HashSet<>(), urls, unreadable);
        return new Result(List.copyOf(urls), List.copyOf(unreadable));
    }

    /** Returns whether the document was read, or found unchanged, by this call. */
    private boolean walk(String url, String sourceId, int depth, Set<String> visited, List<DiscoveredUrl> urls,
                         List<String> unreadable) throws InterruptedException {
        if (!visited.add(url)) {
            return false;
        }
        FetchResult result = fetcher.fetch(url);
        if (result instanceof FetchResult.NotModified) {
            Optional<List<SitemapIndexes.Child>> known = indexes.childrenOf(url);
            if (known.isPresent()) {
                walkChildren(url, known.get(), sourceId, depth, visited, urls, unreadable);
                return true;
            }
            result = fetcher.fetchWhole(url);
        }
        if (!(result instanceof FetchResult.Fetched document)) {
            return false;
        }
        AbstractSiteMap parsed;
        try {
            parsed = newParser().parseSiteMap(
                    document.contentType().orElse(""), document.body(), new URL(document.finalUrl()));
        } catch (UnknownFormatException | IOException e) {
            log.warn("not a feed or sitemap: {} source={} detail={}", url, sourceId, detail(e));
            unreadable.add(url);
            return false;
        }
        if (parsed instanceof SiteMapIndex index) {
            List<SitemapIndexes.Child> children = index.getSitemaps().stream()
                    .map(child -> new SitemapIndexes.Child(child.getUrl().toString(),
                            Optional.ofNullable(child.getLastModified()).map(Date::toInstant)))
                    .toList();
            indexes.remember(url, children);
            walkChildren(url, children, sourceId, depth, visited, urls, unreadable);
            return true;
        }
        indexes.remember(url, List.of());
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            canonicalizer.canonicalize(entry.getUrl().toString())
                    .ifPresent(canonical -> urls.add(new DiscoveredUrl(canonical, sourceId, dateOf(entry))));
        }
        return true;
    }

    /** Walks the children of an index, but those it dates as they were when last read. */
    private void walkChildren(String index, List<SitemapIndexes.Child> children, String sourceId, int depth,
                              Set<String> visited, List<DiscoveredUrl> urls, List<String> unreadable)
            throws InterruptedException {
        if (children.isEmpty()) {
            return;
        }
        if (depth == maxSitemapDepth) {
            log.warn("sitemap index nested deeper than {} levels, not followed: {} source={}",
                    maxSitemapDepth, index, sourceId);
            return;
        }
        for (SitemapIndexes.Child child : children) {
            if (!indexes.isReadUnderItsDate(child) && walk(child.url(), sourceId, depth + 1, visited, urls, unreadable)) {
                indexes.read(child);
            }
        }
    }

    /** The parser wraps the reason (a refused document type declaration, bad XML) in a generic "failed to parse". */
    private static String detail(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage();
    }

    /** Not strict: news sites list articles outside the sitemap's own folder, which the protocol forbids. */
    private static SiteMapParser newParser() {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        return parser;
    }

    private static Optional<Instant> dateOf(SiteMapURL entry) {
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata metadata : news) {
                if (metadata instanceof NewsAttributes attributes && attributes.getPublicationDateTime() != null) {
                    return Optional.of(attributes.getPublicationDateTime().toInstant());
                }
            }
        }
        return Optional.ofNullable(entry.getLastModified()).map(Date::toInstant);
    }
}
