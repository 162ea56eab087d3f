package io.akhbar.ingest.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The counts of a crawl pass while it runs, added to from several threads. */
final class CrawlTally {
    final AtomicInteger discovered = new AtomicInteger();
    final AtomicInteger skippedAsSeen = new AtomicInteger();
    final AtomicInteger deferred = new AtomicInteger();
    final AtomicInteger queued = new AtomicInteger();
    final AtomicInteger fetched = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    private final Map<String, Integer> failedByReason = new ConcurrentHashMap<>();
    private final Map<String, Integer> discoveryFailedByReason = new ConcurrentHashMap<>();

    void pageFailed(String reason) {
        failedByReason.merge(reason, 1, Integer::sum);
    }

    void discoveryFailed(String reason) {
        discoveryFailedByReason.merge(reason, 1, Integer::sum);
    }

    CrawlReport toReport() {
        return new CrawlReport(discovered.get(), skippedAsSeen.get(), deferred.get(), queued.get(), fetched.get(),
                notModified.get(), failedByReason, discoveryFailedByReason);
    }
}
