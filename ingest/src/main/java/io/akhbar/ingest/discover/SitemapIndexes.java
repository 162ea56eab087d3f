package io.akhbar.ingest.discover;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which discovery documents are sitemap indexes, and what they list, remembered across polls. A news site's index
 * rarely changes and answers 304, while the child sitemaps it lists change all day: discovery must still walk the
 * children of an unchanged index, so it needs the list it read last time. Held in memory by one crawler; after a
 * restart a document answering 304 is fetched whole once to learn what it is.
 */
public final class SitemapIndexes {
    private final Map<String, List<String>> childrenByDocument = new ConcurrentHashMap<>();

    /** The sitemaps an index listed when last read; empty for a feed or sitemap; absent for a document not read yet. */
    Optional<List<String>> childrenOf(String documentUrl) {
        return Optional.ofNullable(childrenByDocument.get(documentUrl));
    }

    void remember(String documentUrl, List<String> children) {
        childrenByDocument.put(documentUrl, List.copyOf(children));
    }
}
