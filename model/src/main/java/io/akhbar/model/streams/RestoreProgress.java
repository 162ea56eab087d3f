package io.akhbar.model.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Says what a Streams application does while it rebuilds its state stores from their changelogs, as after a crash
 * (under exactly-once the local state of an unclean stop is discarded and read back whole), on a new machine, or when
 * an instance takes over partitions: that can take minutes with a large state, and until it ends the stage processes
 * nothing and its lag grows. One line when the first records come back, one every {@link #REPORT_EVERY} with the
 * share read, the rate and the time left, one when every store is restored; a start with nothing to read says
 * nothing. The changelog offsets left to read are the {@code akhbar.streams.restore.remaining} gauge, per stage.
 *
 * <p>Counts are changelog offsets, which under exactly-once include transaction markers, so "records" is slightly
 * fewer than the offsets read.
 */
public final class RestoreProgress implements StateRestoreListener {
    /** Changelog offsets a stage still has to read back, tagged {@code stage}. */
    public static final String REMAINING_METRIC = "akhbar.streams.restore.remaining";
    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);
    /** The newest listener of each stage, which the stage's gauge reads: tests run many applications in one JVM. */
    private static final Map<String, RestoreProgress> NEWEST = new ConcurrentHashMap<>();

    private final String stage;
    private final LongSupplier nanoTime;
    private final Map<TopicPartition, Changelog> restoring = new HashMap<>();
    private long wave;
    private boolean announced;
    private long waveStart;
    private long lastReport;
    private long offsetsToRead;
    private long offsetsRead;
    private long recordsRestored;

    /** Where each restoring changelog partition started, ends, and has been read to. */
    private static final class Changelog {
        final String store;
        final long end;
        long position;

        Changelog(String store, long start, long end) {
            this.store = store;
            this.end = end;
            this.position = start;
        }
    }

    public RestoreProgress(String stage) {
        this(stage, System::nanoTime);
        NEWEST.put(stage, this);
        Gauge.builder(REMAINING_METRIC, NEWEST,
                        newest -> newest.containsKey(stage) ? newest.get(stage).remaining() : 0)
                .description("changelog offsets still to read before the stage's state stores are restored")
                .tag("stage", stage)
                .register(Metrics.globalRegistry);
    }

    RestoreProgress(String stage, LongSupplier nanoTime) {
        this.stage = stage;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        long now = nanoTime.getAsLong();
        if (restoring.isEmpty()) {
            wave++;
            announced = false;
            waveStart = now;
            lastReport = now;
            offsetsToRead = 0;
            offsetsRead = 0;
            recordsRestored = 0;
        }
        restoring.put(partition, new Changelog(store, startingOffset, endingOffset));
        offsetsToRead += Math.max(0, endingOffset - startingOffset);
        log.debug("{}: restoring store {} from {}, offsets {} to {}", stage, store, partition, startingOffset,
                endingOffset);
    }

    @Override
    public synchronized void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        Changelog changelog = restoring.get(partition);
        if (changelog == null) {
            return;
        }
        long position = Math.min(batchEndOffset + 1, changelog.end);
        offsetsRead += Math.max(0, position - changelog.position);
        changelog.position = Math.max(changelog.position, position);
        recordsRestored += numRestored;
        long now = nanoTime.getAsLong();
        if (!announced) {
            announced = true;
            TreeSet<String> stores = new TreeSet<>();
            restoring.values().forEach(restoringChangelog -> stores.add(restoringChangelog.store));
            log.info("{}: restoring its state from the changelogs before it processes again: {} offsets to read in"
                            + " the {} store partitions started so far ({})", stage,
                    String.format("%,d", offsetsToRead), restoring.size(), String.join(", ", stores));
        } else if (now - lastReport >= REPORT_EVERY.toNanos()) {
            lastReport = now;
            log.info("{}: {}", stage, progress(now));
        }
    }

    @Override
    public synchronized void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        finish(partition, store, totalRestored, "restored");
    }

    @Override
    public synchronized void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        finish(partition, store, totalRestored, "handed over to another instance before its restore ended");
    }

    /** Changelog offsets still to read, over every store being restored; zero when none is. */
    public synchronized long remaining() {
        long remaining = 0;
        for (Changelog changelog : restoring.values()) {
            remaining += Math.max(0, changelog.end - changelog.position);
        }
        return remaining;
    }

    /** The current restore, as the periodic log line gives it; null when nothing is being restored. */
    synchronized String progress() {
        return restoring.isEmpty() ? null : progress(nanoTime.getAsLong());
    }

    private void finish(TopicPartition partition, String store, long totalRestored, String how) {
        Changelog changelog = restoring.remove(partition);
        if (changelog == null) {
            return;
        }
        offsetsRead += Math.max(0, changelog.end - changelog.position);
        log.debug("{}: store {} from {} {}: {} records", stage, store, partition, how, totalRestored);
        if (restoring.isEmpty() && announced) {
            double seconds = seconds(nanoTime.getAsLong() - waveStart);
            log.info("{}: state restored: {} records in {} s ({} records/s); processing resumes", stage,
                    String.format("%,d", recordsRestored), String.format("%.1f", seconds),
                    String.format("%,.0f", recordsRestored / Math.max(seconds, 0.001)));
        }
    }

    private String progress(long now) {
        double seconds = seconds(now - waveStart);
        double share = offsetsToRead == 0 ? 1 : (double) offsetsRead / offsetsToRead;
        double rate = offsetsRead / Math.max(seconds, 0.001);
        long left = offsetsToRead - offsetsRead;
        String eta = rate > 0 ? String.format("about %.0f s left", left / rate) : "no estimate yet";
        return String.format("restoring state (restore %d): %.0f %% of %,d changelog offsets read in %.0f s, "
                        + "%,d records, %,.0f offsets/s, %s; store partitions still restoring: %d",
                wave, share * 100, offsetsToRead, seconds, recordsRestored, rate, eta, restoring.size());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
