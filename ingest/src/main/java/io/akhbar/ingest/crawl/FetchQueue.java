package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import java.time.Duration;
import java.util.function.Predicate;

/** The crawler's side of the frontier: where URLs this instance must fetch are handed in, grouped by host. */
public interface FetchQueue {
    /**
     * Queues a URL behind the others of its host. {@code whenDone} runs once the URL has been dealt with (fetched,
     * skipped as known, or failed), not when it is dropped or left because the crawler closes.
     */
    void submit(DiscoveredUrl url, Runnable whenDone);

    /** Forgets the queued URLs of these hosts that have not begun; fetches in flight go on. */
    void drop(Predicate<String> hosts);

    /** Waits until no URL of these hosts is queued or in flight; false if that took longer than {@code timeout}. */
    boolean awaitIdle(Predicate<String> hosts, Duration timeout) throws InterruptedException;
}
