package io.akhbar.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One request at a time per host, and a pause after each before the next may start. A thread that wants a busy
 * host waits its turn; hosts are independent of each other.
 */
public final class HostPoliteness {
    private final ConcurrentMap<String, HostSlot> slots = new ConcurrentHashMap<>();

    /**
     * Waits until the host is free and its pause has passed. The permit must be closed when the request is done;
     * the host then stays quiet for {@code pauseAfter}.
     */
    public Permit acquire(String host, Duration pauseAfter) throws InterruptedException {
        HostSlot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), name -> new HostSlot());
        slot.lock.lockInterruptibly();
        try {
            long wait;
            while ((wait = slot.nextRequestAt - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            slot.lock.unlock();
            throw e;
        }
        return new Permit(slot, pauseAfter);
    }

    /** The right to send one request to a host; see {@link #acquire}. */
    public static final class Permit implements AutoCloseable {
        private final HostSlot slot;
        private final Duration pauseAfter;
        private boolean released;

        private Permit(HostSlot slot, Duration pauseAfter) {
            this.slot = slot;
            this.pauseAfter = pauseAfter;
        }

        /** Keeps the host quiet for at least this long from now, as when it answered 503 with Retry-After. */
        public void deferNextRequestBy(Duration delay) {
            slot.postpone(delay);
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                slot.postpone(pauseAfter);
                slot.lock.unlock();
            }
        }
    }

    private static final class HostSlot {
        /** Fair, so that threads waiting for the same host take turns in arrival order. */
        final ReentrantLock lock = new ReentrantLock(true);
        /** In {@link System#nanoTime()} terms; guarded by {@link #lock}. */
        long nextRequestAt = System.nanoTime();

        void postpone(Duration delay) {
            long candidate = System.nanoTime() + delay.toNanos();
            if (candidate - nextRequestAt > 0) {
                nextRequestAt = candidate;
            }
        }
    }
}
