package io.akhbar.ingest.frontier;

import io.akhbar.ingest.crawl.CrawlerSettings;
import io.akhbar.ingest.crawl.FetchQueue;
import io.akhbar.ingest.crawl.Frontier;
import io.akhbar.ingest.discover.DiscoveredUrl;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.FrontierEntry;
import io.akhbar.model.KafkaSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frontier as a Kafka topic keyed by host, consumed by every crawler instance in one consumer group, so that
 * each host belongs to exactly one instance at a time and politeness holds across instances. Adding or removing an
 * instance rebalances the partitions: the instance giving a partition up drops its queued URLs, lets the fetches in
 * flight finish, stores their state and commits before the partition moves; the instance receiving it loads the
 * crawl state of its hosts first. An entry is committed only once its URL has been dealt with, so an instance that
 * dies leaves its unfinished URLs to the next owner.
 */
public final class KafkaFrontier implements Frontier {
    private static final Logger log = LoggerFactory.getLogger(KafkaFrontier.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** Entries a partition may have waiting in this instance before it is paused: a bound on memory. */
    private static final int MAX_PENDING_PER_PARTITION = 1000;

    private final Producer<String, byte[]> producer;
    private final KafkaCrawlState state;
    private final String topic;
    private final int partitions;
    private final Map<String, Object> consumerConfig;
    private final Duration handOverTimeout;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Drain> drain = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile FetchQueue queue;
    private Thread thread;
    /** Touched by the consumer thread only. */
    private KafkaConsumer<String, byte[]> consumer;
    private long lastCommitNanos = System.nanoTime();

    /** A wait for the frontier to be drained: the end offsets it must reach, read once the consumer can. */
    private static final class Drain {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Map<TopicPartition, Long> ends = new HashMap<>();
    }

    public KafkaFrontier(Producer<String, byte[]> producer, KafkaCrawlState state, KafkaSettings kafka,
                         CrawlerSettings settings, int partitions, MeterRegistry registry) {
        this.producer = producer;
        this.state = state;
        this.topic = kafka.topics().crawlFrontier();
        this.partitions = partitions;
        this.handOverTimeout = settings.shutdownTimeout();
        this.consumerConfig = kafka.clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + settings.consumerGroup());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        Gauge.builder("akhbar.crawl.frontier.partitions", owned, Set::size)
                .description("Frontier partitions (and so hosts) this crawler instance owns").register(registry);
        Gauge.builder("akhbar.crawl.state.urls", state, KafkaCrawlState::size)
                .description("URLs whose crawl state this instance holds").register(registry);
    }

    /** The partition count of the frontier topic, which the crawl state topic must share. */
    public static int partitionsOf(Producer<String, byte[]> producer, KafkaSettings kafka) {
        return producer.partitionsFor(kafka.topics().crawlFrontier()).size();
    }

    @Override
    public void start(FetchQueue fetchQueue) {
        this.queue = fetchQueue;
        thread = new Thread(this::run, "akhbar-frontier");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean owns(String host) {
        return owned.contains(HostPartitions.of(host, partitions));
    }

    @Override
    public boolean awaitOwnership(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void offer(DiscoveredUrl url, Runnable ifLost) {
        String host = HostPartitions.hostOf(url.url());
        FrontierEntry entry = FrontierEntry.newBuilder()
                .setUrl(url.url())
                .setSource(url.source())
                .setQueuedAt(Instant.now())
                .setListedAt(url.lastModified().orElse(null))
                .build();
        producer.send(new ProducerRecord<>(topic, HostPartitions.of(host, partitions), host,
                AkhbarSerdes.FRONTIER_ENTRY.encode(entry)), (metadata, error) -> {
                    if (error != null) {
                        log.error("cannot queue {} in {}; a later pass finds it again: {}", url.url(), topic,
                                error.toString());
                        ifLost.run();
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void awaitFetched() throws InterruptedException {
        Drain request = new Drain();
        drain.set(request);
        while (!stopping) {
            try {
                request.done.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("the frontier stopped: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Whether the frontier still consumes; false once it stopped, closed or broken. */
    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    @Override
    public void close() {
        stopping = true;
        if (thread == null) {
            return;
        }
        try {
            if (!stopped.await(handOverTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                log.warn("the frontier consumer did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(topic), new HandOver());
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    dispatch(record);
                }
                throttle();
                if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
                    commit(kafka.assignment());
                }
                answerDrain();
            }
            giveUp(Set.copyOf(kafka.assignment()), true);
        } catch (RuntimeException e) {
            log.error("the frontier consumer stopped", e);
            Drain pending = drain.get();
            if (pending != null) {
                pending.done.completeExceptionally(e);
            }
        } finally {
            owned.clear();
            stopped.countDown();
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress entries = progress.computeIfAbsent(partition, key -> new PartitionProgress());
        long offset = record.offset();
        entries.dispatched(offset);
        FrontierEntry entry;
        try {
            entry = AkhbarSerdes.FRONTIER_ENTRY.decode(record.value());
        } catch (SerializationException e) {
            log.warn("unreadable frontier entry at {}-{}@{} skipped: {}", record.topic(), record.partition(), offset,
                    e.getMessage());
            entries.done(offset);
            return;
        }
        queue.submit(new DiscoveredUrl(entry.getUrl(), entry.getSource(), Optional.ofNullable(entry.getListedAt())),
                () -> entries.done(offset));
    }

    /** Pauses partitions with too much waiting in this instance, and resumes them once it has been worked off. */
    private void throttle() {
        Set<TopicPartition> paused = consumer.paused();
        for (TopicPartition partition : consumer.assignment()) {
            PartitionProgress entries = progress.get(partition);
            int pending = entries == null ? 0 : entries.pending();
            if (pending >= MAX_PENDING_PER_PARTITION && !paused.contains(partition)) {
                consumer.pause(List.of(partition));
            } else if (pending < MAX_PENDING_PER_PARTITION / 2 && paused.contains(partition)) {
                consumer.resume(List.of(partition));
            }
        }
    }

    /**
     * Commits, for each partition, the offset below which every entry is done, once the state those entries wrote
     * is stored: a restarted or new owner then neither loses a URL nor fetches a done one again.
     */
    private void commit(Collection<TopicPartition> partitionsToCommit) {
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitionsToCommit) {
            PartitionProgress entries = progress.get(partition);
            OptionalLong next = entries == null ? OptionalLong.empty() : entries.toCommit();
            next.ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
        }
        if (offsets.isEmpty()) {
            return;
        }
        producer.flush();
        try {
            consumer.commitSync(offsets);
        } catch (RebalanceInProgressException e) {
            log.debug("frontier offsets not committed during a rebalance; committed after it: {}", offsets);
            return;
        } catch (CommitFailedException e) {
            log.warn("frontier offsets {} not committed, this instance left the group; the next owner fetches "
                    + "what is past them again: {}", offsets, e.toString());
            return;
        }
        offsets.forEach((partition, offset) -> progress.get(partition).committed(offset.offset()));
    }

    /** Completes a wait for the frontier to drain once every owned partition is consumed to its end and done. */
    private void answerDrain() {
        Drain request = drain.get();
        Set<TopicPartition> assignment = consumer.assignment();
        if (request == null || assignment.isEmpty()) {
            return;
        }
        Set<TopicPartition> unknown = assignment.stream().filter(partition -> !request.ends.containsKey(partition))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            request.ends.putAll(consumer.endOffsets(unknown));
        }
        for (TopicPartition partition : assignment) {
            PartitionProgress entries = progress.get(partition);
            if (consumer.position(partition) < request.ends.get(partition)
                    || (entries != null && entries.pending() > 0)) {
                return;
            }
        }
        commit(assignment);
        drain.compareAndSet(request, null);
        request.done.complete(null);
    }

    /**
     * Gives partitions up: this instance stops polling their sources, drops their queued URLs, lets the fetches in
     * flight finish, and, unless the partitions were lost to another instance already, commits what was done.
     */
    private void giveUp(Collection<TopicPartition> partitionsGivenUp, boolean commit) {
        Set<Integer> numbers = partitionsGivenUp.stream().map(TopicPartition::partition)
                .filter(owned::contains).collect(Collectors.toCollection(TreeSet::new));
        if (numbers.isEmpty()) {
            return;
        }
        owned.removeAll(numbers);
        Predicate<String> theirHosts = host -> numbers.contains(HostPartitions.of(host, partitions));
        queue.drop(theirHosts);
        try {
            if (!queue.awaitIdle(theirHosts, handOverTimeout)) {
                log.warn("fetches of partitions {} still running after {}: the next owner fetches them again",
                        numbers, handOverTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Set<TopicPartition> ours = partitionsGivenUp.stream().filter(p -> numbers.contains(p.partition()))
                .collect(Collectors.toSet());
        if (commit) {
            commit(ours);
        }
        ours.forEach(progress::remove);
        state.unload(numbers);
        log.info("crawler gave up frontier partitions {}{}; it owns {} now", numbers,
                commit ? "" : " (lost)", new TreeSet<>(owned));
    }

    /** Runs on the consumer thread, within poll, whenever the group's assignment changes. */
    private final class HandOver implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                Set<Integer> numbers = assigned.stream().map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new));
                long started = System.nanoTime();
                int urls = state.load(numbers);
                owned.addAll(numbers);
                log.info("crawler took frontier partitions {} with the state of {} URLs ({} ms); it owns {} now",
                        numbers, urls, (System.nanoTime() - started) / 1_000_000, new TreeSet<>(owned));
            }
            firstAssignment.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            giveUp(revoked, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            giveUp(lost, false);
        }
    }
}
