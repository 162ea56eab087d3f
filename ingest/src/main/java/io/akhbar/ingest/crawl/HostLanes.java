package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * URLs waiting to be fetched, one lane per host, worked off on a pool: at most one URL of a host in flight at a
 * time, and hosts take turns, one URL per turn, so that a host with a long backlog does not keep a thread from
 * the others. Discovery's fetches of feeds and sitemaps are registered with their host's lane as visitors, so that
 * waiting for a host to be idle covers them too.
 */
final class HostLanes implements FetchQueue {
    private static final Logger log = LoggerFactory.getLogger(HostLanes.class);

    /** Deals with one URL; false when it was left alone because the crawler is closing. */
    @FunctionalInterface
    interface Worker {
        boolean work(DiscoveredUrl url) throws InterruptedException;
    }

    private record Item(DiscoveredUrl url, Runnable whenDone) {
    }

    /**
     * Guarded by the lanes' monitor. A lane is in the map while it has URLs queued, a turn scheduled or visitors;
     * a turn of a lane dropped meanwhile finds it empty and ends.
     */
    private static final class Lane {
        final Deque<Item> queue = new ArrayDeque<>();
        /** A turn is waiting for a thread or running. */
        boolean scheduled;
        boolean inFlight;
        int visitors;

        boolean isIdle() {
            return queue.isEmpty() && !scheduled && visitors == 0;
        }
    }

    private final Executor pool;
    private final Worker worker;
    private final Map<String, Lane> lanes = new HashMap<>();

    HostLanes(Executor pool, Worker worker) {
        this.pool = pool;
        this.worker = worker;
    }

    @Override
    public synchronized void submit(DiscoveredUrl url, Runnable whenDone) {
        String host = hostOf(url.url());
        Lane lane = lanes.computeIfAbsent(host, name -> new Lane());
        lane.queue.add(new Item(url, whenDone));
        if (!lane.scheduled) {
            schedule(host, lane);
        }
    }

    @Override
    public synchronized void drop(Predicate<String> hosts) {
        lanes.entrySet().removeIf(entry -> {
            Lane lane = entry.getValue();
            if (!hosts.test(entry.getKey())) {
                return false;
            }
            lane.queue.clear();
            return !lane.inFlight && lane.visitors == 0;
        });
        notifyAll();
    }

    @Override
    public synchronized boolean awaitIdle(Predicate<String> hosts, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lanes.keySet().stream().anyMatch(hosts)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Counts a fetch made outside the lanes (a feed or sitemap) as in flight for its host, provided that
     * {@code allowed} still holds: checked under the same lock, so that a host given up is either waited for or
     * not visited at all. Each successful call must be followed by {@link #leave}.
     */
    synchronized boolean enter(String host, BooleanSupplier allowed) {
        if (!allowed.getAsBoolean()) {
            return false;
        }
        lanes.computeIfAbsent(host.toLowerCase(Locale.ROOT), name -> new Lane()).visitors++;
        return true;
    }

    synchronized void leave(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        Lane lane = lanes.get(name);
        lane.visitors--;
        if (lane.isIdle()) {
            lanes.remove(name, lane);
        }
        notifyAll();
    }

    /** URLs queued or in flight. */
    synchronized int size() {
        return lanes.values().stream().mapToInt(lane -> lane.queue.size() + (lane.inFlight ? 1 : 0)).sum();
    }

    /** Gives the lane a turn on the pool; a closed pool empties the lane. */
    private void schedule(String host, Lane lane) {
        lane.scheduled = true;
        try {
            pool.execute(() -> turn(host, lane));
        } catch (RejectedExecutionException closing) {
            lane.queue.clear();
            endTurns(host, lane);
        }
    }

    private void endTurns(String host, Lane lane) {
        lane.scheduled = false;
        lane.inFlight = false;
        if (lane.isIdle()) {
            lanes.remove(host, lane);
        }
        notifyAll();
    }

    private void turn(String host, Lane lane) {
        Item item;
        synchronized (this) {
            item = lane.queue.poll();
            if (item == null) {
                endTurns(host, lane);
                return;
            }
            lane.inFlight = true;
        }
        boolean done = false;
        try {
            done = worker.work(item.url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("fetch of {} broke; it is not tried again", item.url().url(), e);
            done = true;
        }
        if (done) {
            item.whenDone().run();
        }
        synchronized (this) {
            if (Thread.currentThread().isInterrupted()) {
                lane.queue.clear();
            }
            if (lane.queue.isEmpty()) {
                endTurns(host, lane);
            } else {
                lane.inFlight = false;
                schedule(host, lane);
            }
        }
    }

    static String hostOf(String canonicalUrl) {
        return URI.create(canonicalUrl).getHost().toLowerCase(Locale.ROOT);
    }
}
