package io.akhbar.ingest.crawl;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one crawl pass did. Pages counted here are article pages; feeds, sitemaps and section pages count only
 * among the discovery failures.
 *
 * @param discovered              distinct canonical URLs the sources listed
 * @param skippedAsSeen           of the candidates (discovered ones and those left over from earlier passes),
 *                                those already fetched or refused for good, or queued by an earlier pass and not
 *                                taken up by a fetch yet
 * @param deferred                candidates left for the next pass, over the per-source page limit
 * @param queued                  URLs handed to the frontier: new pages, and pages the source dates after our last
 *                                fetch, to be checked again
 * @param fetched                 pages fetched and handed to the sink
 * @param notModified             pages checked again that answered 304 or the same body as before
 * @param failedByReason          pages that failed, by reason tag (see {@code FailureReason.tag()}; also
 *                                {@code sink-error})
 * @param discoveryFailedByReason feeds, sitemaps and section pages that failed or were unreadable, by reason tag
 */
public record CrawlReport(int discovered, int skippedAsSeen, int deferred, int queued, int fetched, int notModified,
                          Map<String, Integer> failedByReason, Map<String, Integer> discoveryFailedByReason) {

    public CrawlReport {
        failedByReason = Map.copyOf(failedByReason);
        discoveryFailedByReason = Map.copyOf(discoveryFailedByReason);
    }

    public int failed() {
        return failedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "discovered=" + discovered + " skippedAsSeen=" + skippedAsSeen + " deferred=" + deferred
                + " queued=" + queued + " fetched=" + fetched + " notModified=" + notModified
                + " failed=" + new TreeMap<>(failedByReason)
                + " discoveryFailed=" + new TreeMap<>(discoveryFailedByReason);
    }
}
