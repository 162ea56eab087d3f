package io.akhbar.ingest.discover;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the crawler has learnt of sitemap indexes across polls: which discovery documents are indexes, what they
 * list, and under which modification date each child sitemap was last read.
 *
 * <p>A news site's index rarely changes and answers 304, while the child sitemaps it lists change all day:
 * discovery must still walk the children of an unchanged index, so it needs the list it read last time. And an
 * index may list years of archives, one sitemap a day; a child whose date in the index has not changed since it was
 * last read is not fetched again, or every poll would cost a request per archived day under the host's rate limit.
 * A child the index does not date is polled every time, conditionally.
 *
 * <p>Held in memory by one crawler. After a restart, a document answering 304 is read whole once to learn what it
 * is, and every child is polled once.
 */
public final class SitemapIndexes {
    /** A sitemap an index lists, with the modification date the index gives it, if any. */
    record Child(String url, Optional<Instant> lastModified) {
    }

    private final Map<String, List<Child>> childrenByDocument = new ConcurrentHashMap<>();
    private final Map<String, Instant> readUnderDate = new ConcurrentHashMap<>();

    /** The sitemaps an index listed when last read; empty for a feed or sitemap; absent for a document not read yet. */
    Optional<List<Child>> childrenOf(String documentUrl) {
        return Optional.ofNullable(childrenByDocument.get(documentUrl));
    }

    void remember(String documentUrl, List<Child> children) {
        childrenByDocument.put(documentUrl, List.copyOf(children));
    }

    /**
     * Whether the child was read while the index gave it the date it gives it now, and so need not be fetched. A
     * child that is an index itself is always walked: its date says when it changed, not when the sitemaps it lists
     * did.
     */
    boolean isReadUnderItsDate(Child child) {
        return child.lastModified().isPresent() && child.lastModified().get().equals(readUnderDate.get(child.url()))
                && childrenOf(child.url()).map(List::isEmpty).orElse(false);
    }

    /** The child was read (or found unchanged) while the index gave it this date. */
    void read(Child child) {
        child.lastModified().ifPresent(date -> readUnderDate.put(child.url(), date));
    }
}
