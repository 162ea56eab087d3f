package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import java.time.Duration;

/** A frontier for one crawler alone: every host is its own, and offered URLs are queued at once. */
final class InProcessFrontier implements Frontier {
    private static final Duration CHECK_CLOSED_EVERY = Duration.ofSeconds(1);

    private volatile FetchQueue queue;
    private volatile boolean closed;

    @Override
    public void start(FetchQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean owns(String host) {
        return true;
    }

    @Override
    public boolean awaitOwnership(Duration timeout) {
        return true;
    }

    @Override
    public void offer(DiscoveredUrl url, Runnable ifLost) {
        queue.submit(url, () -> { });
    }

    @Override
    public void flush() {
    }

    @Override
    public void awaitFetched() throws InterruptedException {
        do {
            if (closed) {
                return;
            }
        } while (!queue.awaitIdle(host -> true, CHECK_CLOSED_EVERY));
    }

    @Override
    public void close() {
        closed = true;
    }
}
