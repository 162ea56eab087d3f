package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import java.time.Duration;

/**
 * Where discovered URLs wait to be fetched, and which hosts this crawler instance is responsible for. The
 * in-process frontier hands every URL straight to this instance; a shared one (the frontier topic) spreads hosts
 * over the instances of a consumer group, so that each host is crawled by one instance at a time.
 */
public interface Frontier extends AutoCloseable {
    /** Called once by the crawler before anything is offered: where the URLs for this instance go. */
    void start(FetchQueue queue);

    /** Whether this instance crawls the host now: fetches its pages and polls the sources that live on it. */
    boolean owns(String host);

    /** Waits until this instance has been given its hosts; false if that took longer than {@code timeout}. */
    boolean awaitOwnership(Duration timeout) throws InterruptedException;

    /**
     * Queues the URL for the instance that owns its host. {@code ifLost} runs if it could not be queued after all,
     * so that a later pass offers it again.
     */
    void offer(DiscoveredUrl url, Runnable ifLost);

    /** Returns once every URL offered so far has been handed on. */
    void flush();

    /**
     * Waits until every URL offered so far to a host of this instance has been dealt with, or the frontier
     * closes.
     */
    void awaitFetched() throws InterruptedException;

    @Override
    void close();

    /** Every host is this instance's; URLs go straight to its fetch queue. */
    static Frontier inProcess() {
        return new InProcessFrontier();
    }
}
