package io.akhbar.cli.ops;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.SinkSettings;
import io.akhbar.sink.index.IndexSetup;
import io.akhbar.sink.index.NewsIndex;
import io.akhbar.sink.index.NewsIndices;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a new generation of the news index from the enriched topic while the live alias keeps serving the old
 * one, then moves the alias over atomically.
 *
 * <p>A sink of its own (a fresh consumer group, from the topic's start) fills the next index, {@code news-00000N},
 * through a staging alias. Once the group has consumed every record, the alias is swapped in one request, and the
 * new index becomes the live sink's write index. The reindex sink then goes on until it has also consumed what
 * arrived up to the swap (documents the live sink wrote to the old index meanwhile), and stops. Both sinks writing
 * the same document is harmless: Elasticsearch keeps the highest version.
 *
 * <p>A reindex that stopped half-way (Ctrl-C, a crash) is resumed by the next one: the staging alias still points
 * at its index, and its consumer group still holds its position.
 */
public final class Reindex {
    /** How often a reindex behind the live index catches up with records that arrived meanwhile before it refuses. */
    private static final int CATCH_UP_ROUNDS = 5;

    private final AkhbarConfig config;
    private final PrintStream out;
    private final Clock clock;
    private final Duration progressInterval;
    private final AtomicReference<ElasticsearchSink> running = new AtomicReference<>();
    private final AtomicReference<Throwable> sinkFailure = new AtomicReference<>();
    private volatile boolean stopped;

    /**
     * @param oldIndices   the indices the alias pointed at before
     * @param newIndex     the index built
     * @param documents    documents in the new index when the alias moved (or when the swap was refused)
     * @param liveDocuments documents the alias served just before
     * @param swapped      whether the alias now points at the new index
     */
    public record Result(List<String> oldIndices, String newIndex, long documents, long liveDocuments, boolean swapped) {
    }

    public Reindex(AkhbarConfig config, PrintStream out, Clock clock, Duration progressInterval) {
        this.config = config;
        this.out = out;
        this.clock = clock;
        this.progressInterval = progressInterval;
    }

    /**
     * @param deleteOld delete the old indices once the alias has moved
     * @param force     swap even if the new index has fewer documents than the live one (the enriched topic no
     *                  longer holds every article)
     */
    public Result run(boolean deleteOld, boolean force) throws IOException, InterruptedException {
        SinkSettings live = SinkService.settings(config);
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(live);
             Admin admin = Admin.create(config.kafka().clientConfig())) {
            IndexSetup setup = new NewsIndex(elasticsearch.client(), live).ensure();
            NewsIndices indices = new NewsIndices(elasticsearch.client(), live);
            String alias = live.indexAlias();
            String target = stage(indices, setup);
            List<String> old = new ArrayList<>(indices.behind(alias));
            old.remove(target);
            String group = SinkService.consumerGroup(config) + "-reindex-" + target;
            try (GroupProgress progress = new GroupProgress(config.kafka(), admin, group, SinkService.inputTopics(config))) {
                Backfills.start(config.kafka(), new Backfills.Backfill(group, clock.instant(), "reindex into " + target,
                        untilOffsets(progress.ends())));
                Thread sinkThread = startSink(indices.stagingAlias(), live.withConsumerGroup(group));
                out.printf("Filling %s from %s (consumer group %s) while alias %s serves %s%n", target,
                        config.kafka().topics().enriched(), group, alias, old.isEmpty() ? "nothing yet" : String.join(", ", old));
                if (!awaitCaughtUp(progress, progress.ends(), target, sinkThread)) {
                    out.printf("Stopped before %s caught up; run reindex again to resume%n", target);
                    return stopSink(sinkThread, new Result(old, target, -1, -1, false));
                }
                long documents = indices.count(target);
                long liveDocuments = old.isEmpty() ? 0 : indices.count(alias);
                // Records arriving meanwhile reach the live index first: catch up with them before judging a deficit.
                for (int round = 0; round < CATCH_UP_ROUNDS && documents < liveDocuments; round++) {
                    if (!awaitCaughtUp(progress, progress.ends(), target, sinkThread)) {
                        out.printf("Stopped before %s caught up; run reindex again to resume%n", target);
                        return stopSink(sinkThread, new Result(old, target, -1, -1, false));
                    }
                    documents = indices.count(target);
                    liveDocuments = indices.count(alias);
                }
                if (documents < liveDocuments && !force) {
                    out.printf("Not swapping: %s has %,d documents, alias %s serves %,d. The enriched topic no longer"
                                    + " holds every article (its retention), or the sink rejected some (see the dead-letter"
                                    + " topic). Replay enrich from the earliest article to rewrite the topic, then run reindex"
                                    + " again (it resumes), or run it with --force to swap anyway.%n",
                            target, documents, alias, liveDocuments);
                    return stopSink(sinkThread, new Result(old, target, documents, liveDocuments, false));
                }
                indices.swap(old, target);
                out.printf("Alias %s now points at %s (%,d documents; it served %,d from %s)%n", alias, target,
                        documents, liveDocuments, old.isEmpty() ? "no index" : String.join(", ", old));
                Result result = new Result(old, target, documents, liveDocuments, true);
                if (!awaitCaughtUp(progress, progress.ends(), target, sinkThread)) {
                    out.printf("Stopped before %s took what the live sink wrote to the old index during the reindex;"
                            + " run reindex again to finish%n", target);
                    return stopSink(sinkThread, result);
                }
                stopSink(sinkThread, result);
                indices.removeStagingAlias(target);
                new KafkaOffsets(admin).deleteGroup(group);
                Backfills.finish(config.kafka(), group);
                if (deleteOld && !old.isEmpty()) {
                    indices.delete(old);
                    out.printf("Deleted %s%n", String.join(", ", old));
                } else if (!old.isEmpty()) {
                    out.printf("Kept %s (no alias points at it): delete it once satisfied, or run with --delete-old%n",
                            String.join(", ", old));
                }
                return result;
            }
        }
    }

    /** Stops a reindex in progress: the reindex sink commits what Elasticsearch took, so the next run resumes. */
    public void stop() {
        stopped = true;
        ElasticsearchSink sink = running.get();
        if (sink != null) {
            sink.close();
        }
    }

    /** The index to fill: the one an earlier reindex left unfinished, or a new generation. */
    private String stage(NewsIndices indices, IndexSetup setup) throws IOException {
        Optional<String> unfinished = indices.unfinishedReindex();
        if (unfinished.isPresent()) {
            out.printf("Resuming the reindex into %s (alias %s still points at it)%n", unfinished.get(),
                    indices.stagingAlias());
            return unfinished.get();
        }
        String target = indices.nextIndex();
        indices.createStaged(target);
        out.printf("Created index %s (text analyzer %s), behind alias %s%n", target, setup.templateAnalyzer(),
                indices.stagingAlias());
        return target;
    }

    private Thread startSink(String stagingAlias, SinkSettings settings) {
        ElasticsearchSink sink = ElasticsearchSink.writingTo(stagingAlias, settings, config.kafka().topics(),
                new SimpleMeterRegistry());
        running.set(sink);
        Thread thread = new Thread(() -> {
            try {
                sink.run();
            } catch (RuntimeException | Error e) {
                sinkFailure.set(e);
            }
        }, "akhbar-reindex-sink");
        thread.start();
        return thread;
    }

    /** Prints progress until the group has consumed everything up to {@code ends}; false if stopped before. */
    private boolean awaitCaughtUp(GroupProgress progress, Map<TopicPartition, Long> ends, String target,
                                  Thread sinkThread) throws InterruptedException {
        long startedNanos = System.nanoTime();
        GroupProgress.Snapshot first = progress.against(ends);
        GroupProgress.Snapshot now = first;
        while (!now.caughtUp()) {
            if (stopped) {
                return false;
            }
            if (!sinkThread.isAlive()) {
                Throwable failure = sinkFailure.get();
                throw new IllegalStateException("the reindex sink stopped: " + failure, failure);
            }
            Thread.sleep(progressInterval.toMillis());
            now = progress.against(ends);
            double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
            out.printf("  %s: %,d of %,d offsets (%d%%), %,.0f offsets/s, %,d records left%n", target, now.consumed(),
                    now.total(), now.total() == 0 ? 100 : 100 * now.consumed() / now.total(),
                    (now.consumed() - first.consumed()) / seconds, now.left());
        }
        return true;
    }

    private Result stopSink(Thread sinkThread, Result result) throws InterruptedException {
        ElasticsearchSink sink = running.getAndSet(null);
        if (sink != null) {
            sink.close();
        }
        sinkThread.join();
        return result;
    }

    private static Map<String, Long> untilOffsets(Map<TopicPartition, Long> ends) {
        Map<String, Long> until = new LinkedHashMap<>();
        ends.forEach((partition, end) -> until.put(Backfills.Backfill.partitionKey(partition), end));
        return until;
    }
}
