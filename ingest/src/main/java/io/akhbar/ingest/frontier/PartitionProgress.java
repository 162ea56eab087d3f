package io.akhbar.ingest.frontier;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The frontier entries of one partition handed to the fetchers and not done yet. Fetches of different hosts finish
 * out of order, so the offset safe to commit is the lowest one still pending: everything below it is done.
 */
final class PartitionProgress {
    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    synchronized void dispatched(long offset) {
        pending.add(offset);
        next = offset + 1;
    }

    synchronized void done(long offset) {
        pending.remove(offset);
    }

    /** The offset to commit now, if it moved since the last commit. */
    synchronized OptionalLong toCommit() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long safe = pending.isEmpty() ? next : pending.first();
        return safe > committed ? OptionalLong.of(safe) : OptionalLong.empty();
    }

    synchronized void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    synchronized int pending() {
        return pending.size();
    }
}
