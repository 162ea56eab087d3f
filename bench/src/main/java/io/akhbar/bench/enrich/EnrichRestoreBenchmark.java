package io.akhbar.bench.enrich;

import io.akhbar.enrich.BoundedRocksDb;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.StackOptions;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.model.streams.RestoreProgress;
import io.akhbar.model.streams.StreamsConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * How long the enrich stream takes to come back when its local state is gone, as after a crash under exactly-once
 * (Streams discards the state of an unclean stop and reads it back from the changelogs), on a new machine, or when
 * an instance takes over another's partitions: the stream builds its state from the ANT Corpus on a local broker,
 * stops cleanly, loses its state directory, and starts again; then one new article is written, whose probe makes the
 * band processor rebuild its buckets, which have no changelog, from the signatures. Printed beside it, from the same
 * run: the time the same state took to build by processing the articles, which is what a replay of enrich would cost
 * instead.
 *
 * <p>Arguments: {@code [copies]} (default 3), as for {@link EnrichThroughputBenchmark}.
 */
public final class EnrichRestoreBenchmark {
    private static final int PARTITIONS = KafkaSettings.DEFAULT_PARTITIONS;
    private static final int BAND_PARTITIONS = KafkaSettings.DEFAULT_BAND_PARTITIONS;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration QUIET_AFTER_RESTORE = Duration.ofSeconds(3);

    private EnrichRestoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Article> load = EnrichThroughputBenchmark.load(AntCorpus.read(AntCorpus.locate()), copies);
        long distinct = load.stream().map(Article::getId).distinct().count();
        System.out.printf("Load: %d articles (%d distinct keys), ANT Corpus × %d; %d partitions; %d cores%n",
                load.size(), distinct, copies, PARTITIONS, Runtime.getRuntime().availableProcessors());

        Path work = Files.createTempDirectory("akhbar-bench-restore");
        try (Stack stack = Stacks.start(StackOptions.defaults(work.resolve("stack")).withoutElasticsearch().deletingDataOnClose())) {
            KafkaSettings kafka = KafkaSettings.of(stack.kafkaBootstrapServers()).withTopicPrefix("restore.");
            TopicSetup.ensure(kafka);
            EnrichThroughputBenchmark.produce(kafka, load);

            long buildStart = System.nanoTime();
            try (KafkaConsumer<String, byte[]> output = EnrichThroughputBenchmark.outputConsumer(kafka)) {
                KafkaStreams streams = enrich(kafka, work.resolve("state-built"), null);
                streams.start();
                awaitEmitted(output, distinct);
                // As the services close: leaving the group lets the next instance take the partitions at once.
                streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            }
            double buildSeconds = seconds(System.nanoTime() - buildStart);
            System.out.printf("  state built by processing the articles: %.1f s (%,.0f articles/s), then a clean stop%n",
                    buildSeconds, distinct / buildSeconds);

            RestoreTimes restore = new RestoreTimes();
            long restoreStart = System.nanoTime();
            double firstNewSeconds;
            try (KafkaStreams streams = enrich(kafka, work.resolve("state-lost"), restore)) {
                streams.start();
                restore.awaitDone(restoreStart);
                firstNewSeconds = emitOneNew(kafka, load.get(0));
            }
            double restoreSeconds = seconds(restore.lastEnd - restore.firstStart);
            long records = restore.perStore.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  state restored from the changelogs into an empty state directory: %,d records in %.1f s"
                            + " (%,.0f records/s) from the first store's start to the last one's end; %.1f s from the"
                            + " stream's start%n", records, restoreSeconds, records / restoreSeconds,
                    seconds(restore.lastEnd - restoreStart));
            restore.perStore.forEach((store, count) -> System.out.printf("    %-20s %,12d records (%.1f per article)%n",
                    store, count, count / (double) distinct));
            System.out.printf("  restoring took %.2f of the time building took; %.1f s per million articles of state"
                    + " (building: %.1f s)%n", restoreSeconds / buildSeconds, restoreSeconds * 1e6 / distinct,
                    buildSeconds * 1e6 / distinct);
            System.out.printf("  then a new article was emitted %.1f s after it was written: its probe first rebuilt the"
                    + " band buckets, which have no changelog, from the signatures (%.1f s per million articles of"
                    + " state, rebuild included)%n", firstNewSeconds, firstNewSeconds * 1e6 / distinct);
        } finally {
            OfflineEnrich.delete(work);
        }
    }

    /**
     * Writes one article the state has not seen (a copy of {@code model} under a new URL) and returns the seconds until
     * it is emitted, read from the end of the enriched topic.
     */
    private static double emitOneNew(KafkaSettings kafka, Article model) throws Exception {
        String url = model.getCanonicalUrl() + "#after-restore";
        Article fresh = Article.newBuilder(model).setId(ArticleKeys.of(url)).setCanonicalUrl(url).setUrl(url).build();
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> output = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = output.partitionsFor(kafka.topics().enriched()).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            output.assign(partitions);
            output.seekToEnd(partitions);
            partitions.forEach(output::position);
            long written = System.nanoTime();
            EnrichThroughputBenchmark.produce(kafka, List.of(fresh));
            long deadline = written + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : output.poll(Duration.ofMillis(100))) {
                    if (record.key().equals(fresh.getId())) {
                        return seconds(System.nanoTime() - written);
                    }
                }
            }
            throw new IllegalStateException("the article written after the restore was not emitted in " + TIMEOUT);
        }
    }

    private static KafkaStreams enrich(KafkaSettings kafka, Path stateDirectory, StateRestoreListener listener) {
        Map<String, Object> overrides = new HashMap<>(BoundedRocksDb.streamsConfig());
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        Properties config = StreamsConfigs.of("restore.enrich", "enrich", kafka, stateDirectory, overrides);
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(kafka.topics(), BAND_PARTITIONS,
                EnrichSettings.defaults(), Tagger.withBundledData()), config);
        streams.setGlobalStateRestoreListener(listener != null ? listener : new RestoreProgress("enrich"));
        return streams;
    }

    private static void awaitEmitted(KafkaConsumer<String, byte[]> output, long expected) {
        Set<String> emitted = new HashSet<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (emitted.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + emitted.size() + " of " + expected + " articles emitted in "
                        + TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : output.poll(Duration.ofMillis(200))) {
                emitted.add(record.key());
            }
        }
    }

    /** Records restored per store, and when the last store partition ended its restore; logs through the real one. */
    private static final class RestoreTimes implements StateRestoreListener {
        final Map<String, Long> perStore = new TreeMap<>();
        private final RestoreProgress log = new RestoreProgress("enrich");
        private final Set<TopicPartition> restoring = new HashSet<>();
        private int started;
        private long lastChange = System.nanoTime();
        private volatile long firstStart;
        private volatile long lastEnd;

        @Override
        public synchronized void onRestoreStart(TopicPartition partition, String store, long start, long end) {
            log.onRestoreStart(partition, store, start, end);
            restoring.add(partition);
            if (started++ == 0) {
                firstStart = System.nanoTime();
            }
            lastChange = System.nanoTime();
        }

        @Override
        public synchronized void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
            log.onBatchRestored(partition, store, batchEnd, restored);
            perStore.merge(store, restored, Long::sum);
        }

        @Override
        public synchronized void onRestoreEnd(TopicPartition partition, String store, long total) {
            log.onRestoreEnd(partition, store, total);
            restoring.remove(partition);
            lastEnd = System.nanoTime();
            lastChange = lastEnd;
        }

        /** A partition handed over mid-restore is no longer restored here, so the wait must not count it. */
        @Override
        public synchronized void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
            log.onRestoreSuspended(partition, store, totalRestored);
            restoring.remove(partition);
            lastChange = System.nanoTime();
        }

        /** Waits until stores have started restoring and none has been restoring for a few seconds. */
        void awaitDone(long start) throws InterruptedException {
            long deadline = start + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (started > 0 && restoring.isEmpty()
                            && System.nanoTime() - lastChange > QUIET_AFTER_RESTORE.toNanos()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the restore did not end within " + TIMEOUT);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
