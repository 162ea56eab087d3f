package io.akhbar.sink.write;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Topics;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.SinkSettings;
import io.akhbar.sink.index.IndexSetup;
import io.akhbar.sink.index.NewsIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Consumes the enriched topic into the news alias, at least once and idempotently: each article is indexed under
 * its key with its document version as external version, so a replayed or reordered older version is refused by
 * Elasticsearch (409, counted as stale) and can never overwrite a newer one.
 *
 * <p>Offsets are committed only once every record up to them is settled: indexed, stale, or written to the
 * dead-letter topic. When Elasticsearch answers 429, 5xx or not at all, or the index is closed or blocked, the
 * documents are sent again with exponential backoff while the partitions stay paused and the consumer keeps
 * polling, so it stays in its group; nothing is committed meanwhile, so an outage loses nothing and the sink carries
 * on by itself once Elasticsearch is back. Other refusals of a document (a 4xx other than 409) send it to the
 * dead-letter topic with Elasticsearch's reason.
 *
 * <p>One bulk request is in flight at a time while the next batch is consumed and prepared, so Kafka and
 * Elasticsearch work at the same time; batches are finished, and committed, in order.
 *
 * <p>Values are consumed as bytes and decoded here, so that an unreadable record becomes a dead letter instead of
 * stopping the sink.
 *
 * <p>{@link #run()} or {@link #drain(Duration)} run on one thread; {@link #close()} may be called from any other.
 */
public final class ElasticsearchSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSink.class);

    private final SinkSettings settings;
    /** Where documents go: the settings' alias, or the staging alias of a reindex. */
    private final String writeAlias;
    private final Topics topics;
    private final Backoff backoff;
    private final SinkMetrics metrics;
    private final ElasticsearchConnection connection;
    private final NewsIndex newsIndex;
    private final BulkWriter writer;
    private final Consumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final SinkDeadLetters deadLetters;

    private final ReentrantLock loop = new ReentrantLock();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile long closeRequestedNanos;
    private volatile boolean closed;

    // Touched by the loop thread only (the rebalance listener runs inside poll, on that thread).
    private Batch filling = new Batch();
    private InFlight sending;
    /** Set when closing left records unsettled: committing any later batch would skip them. */
    private boolean abandoned;
    private boolean subscribed;
    private boolean paused;
    private IndexSetup indexSetup;
    private long lastActivityNanos;

    public ElasticsearchSink(SinkSettings settings, Topics topics, MeterRegistry registry) {
        this(settings, settings.indexAlias(), topics, registry);
    }

    private ElasticsearchSink(SinkSettings settings, String writeAlias, Topics topics, MeterRegistry registry) {
        this.settings = settings.validate();
        this.writeAlias = writeAlias;
        this.topics = topics;
        this.backoff = new Backoff(settings.retryBaseBackoff(), settings.retryMaxBackoff());
        this.metrics = new SinkMetrics(registry);
        this.connection = ElasticsearchConnection.open(settings);
        this.newsIndex = new NewsIndex(connection.client(), settings);
        this.writer = new BulkWriter(connection.client(), writeAlias, registry);
        KafkaConsumer<String, byte[]> kafkaConsumer = null;
        try {
            kafkaConsumer = new KafkaConsumer<>(consumerConfig(settings), new StringDeserializer(), new ByteArrayDeserializer());
            this.deadLetters = new SinkDeadLetters(
                    new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer()),
                    topics.deadLetters());
        } catch (RuntimeException e) {
            if (kafkaConsumer != null) {
                kafkaConsumer.close();
            }
            connection.close();
            throw e;
        }
        this.consumer = kafkaConsumer;
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
    }

    /**
     * A sink that writes to {@code writeAlias}, an alias that must already exist, instead of the settings' alias,
     * which it still creates if missing: a reindex fills a new index this way while the live alias serves the old one.
     */
    public static ElasticsearchSink writingTo(String writeAlias, SinkSettings settings, Topics topics,
                                              MeterRegistry registry) {
        return new ElasticsearchSink(settings, writeAlias, topics, registry);
    }

    static Map<String, Object> consumerConfig(SinkSettings settings) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // A new group indexes the whole topic: the index is a projection of it.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.bulkMaxDocs());
    }

    static Map<String, Object> producerConfig(SinkSettings settings) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.consumerGroup() + "-deadletters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    /** Consumes until {@link #close()}; flushes and commits what Elasticsearch acknowledged before returning. */
    public void run() {
        enterLoop();
        try {
            consume(() -> false);
        } finally {
            loop.unlock();
        }
    }

    /**
     * Consumes until no record has arrived for {@code idle} (counted from the start, and again from each partition
     * assignment), then flushes, commits and refreshes the alias so that searches see every document.
     *
     * @return what this call did
     */
    public SinkCounts drain(Duration idle) {
        enterLoop();
        try {
            SinkCounts before = metrics.counts();
            consume(() -> System.nanoTime() - lastActivityNanos >= idle.toNanos());
            if (!closing) {
                refresh();
            }
            return metrics.counts().minus(before);
        } finally {
            loop.unlock();
        }
    }

    /** Everything settled since this sink was created. */
    public SinkCounts counts() {
        return metrics.counts();
    }

    /**
     * Stops {@link #run()} or {@link #drain(Duration)}, which flush and commit first (retrying a failing
     * Elasticsearch for at most the shutdown timeout), then releases the clients.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeRequestedNanos = System.nanoTime();
        closing = true;
        closeRequested.countDown();
        consumer.wakeup();
        loop.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            releaseClients();
        } finally {
            loop.unlock();
        }
    }

    private void enterLoop() {
        if (!loop.tryLock()) {
            throw new IllegalStateException("the sink is already consuming on another thread");
        }
        if (closed) {
            loop.unlock();
            throw new IllegalStateException("the sink is closed");
        }
    }

    private void consume(BooleanSupplier done) {
        if (!awaitIndex()) {
            return;
        }
        if (!subscribed) {
            consumer.subscribe(List.of(topics.enriched()), new PartitionHandover());
            subscribed = true;
        }
        lastActivityNanos = System.nanoTime();
        while (!closing && !done.getAsBoolean()) {
            pollInto(settings.pollTimeout());
            if (sending != null && sending.outcomes().isDone()) {
                finishSending();
            }
            if (filling.isDue(settings.bulkMaxDocs(), settings.bulkMaxBytes(), settings.bulkFlushInterval(), System.nanoTime())) {
                sendFilling();
            }
        }
        sendFilling();
        finishSending();
    }

    /** Puts the template and alias in place, waiting for Elasticsearch if needed; false if closed meanwhile. */
    private boolean awaitIndex() {
        for (int retry = 0; indexSetup == null; retry++) {
            if (closing) {
                return false;
            }
            try {
                indexSetup = newsIndex.ensure();
                if (writeAlias.equals(indexSetup.alias())) {
                    log.info("Writing to alias {} (index {}, text analyzer {}) from {}", indexSetup.alias(),
                            indexSetup.writeIndex(), indexSetup.indexAnalyzer(), topics.enriched());
                } else {
                    log.info("Writing to alias {} from {}, while alias {} serves index {}", writeAlias,
                            topics.enriched(), indexSetup.alias(), indexSetup.writeIndex());
                }
            } catch (IOException | ElasticsearchException e) {
                if (e instanceof ElasticsearchException refused && !BulkWriter.isRetriable(refused.status())) {
                    throw refused;
                }
                Duration delay = backoff.delay(retry);
                log.warn("Elasticsearch at {} is not available ({}); trying again in {}", settings.elasticsearchUrl(),
                        e.getMessage(), delay);
                awaitCloseRequest(delay);
            }
        }
        return true;
    }

    private void pollInto(Duration timeout) {
        ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(timeout);
        } catch (WakeupException e) {
            return;
        }
        long now = System.nanoTime();
        if (!records.isEmpty()) {
            lastActivityNanos = now;
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            filling.add(pending(record), now);
        }
    }

    private PendingRecord pending(ConsumerRecord<String, byte[]> record) {
        String url = null;
        try {
            if (record.value() == null) {
                throw new InvalidDocumentException("no value (a tombstone): the enriched topic carries no deletions");
            }
            EnrichedArticle enriched = AkhbarSerdes.ENRICHED_ARTICLE.decode(record.value());
            url = enriched.getArticle().getUrl();
            return PendingRecord.indexable(record, NewsDocuments.prepare(enriched), new PendingRecord.ArticleTimes(
                    enriched.getArticle().getPublishedAt(), enriched.getArticle().getFetchedAt()));
        } catch (SerializationException | InvalidDocumentException e) {
            PendingRecord unindexable = PendingRecord.unindexable(record, url);
            reject(unindexable, e.getClass().getSimpleName(), e.getMessage());
            return unindexable;
        }
    }

    /**
     * Sends the batch being filled without waiting for Elasticsearch, so that the next batch fills meanwhile; first
     * finishes the batch in flight, so that at most one request is in flight and batches commit in order.
     */
    private void sendFilling() {
        finishSending();
        if (filling.isEmpty() || abandoned) {
            return;
        }
        List<PendingRecord> sent = filling.awaitingElasticsearch();
        sending = new InFlight(filling, sent, writer.writeAsync(documentsOf(sent)));
        filling = new Batch();
    }

    /**
     * Waits for the batch in flight, sends again what Elasticsearch could not take until every record is settled
     * (or, when closing, until the shutdown timeout), then commits.
     */
    private void finishSending() {
        if (sending == null) {
            return;
        }
        Batch batch = sending.batch();
        Failure failure = absorb(sending);
        int retry = 0;
        long failingSinceNanos = System.nanoTime();
        while (failure != null && !batch.awaitingElasticsearch().isEmpty()) {
            int left = batch.awaitingElasticsearch().size();
            if (closing && System.nanoTime() - closeRequestedNanos >= settings.shutdownTimeout().toNanos()) {
                log.warn("Closing while Elasticsearch still fails ({}): {} documents stay uncommitted for the next run",
                        failure.description(), left);
                abandoned = true;
                break;
            }
            metrics.retry(failure.reason());
            Duration delay = backoff.delay(retry);
            if (retry == 0) {
                log.warn("{}; {} documents wait, partitions paused, retrying with backoff", failure.description(), left);
            } else {
                log.info("Retry {} for {} documents in {}: {}", retry + 1, left, delay, failure.description());
            }
            retry++;
            backOff(delay);
            failure = write(batch.awaitingElasticsearch());
        }
        if (retry > 0 && batch.awaitingElasticsearch().isEmpty()) {
            log.info("Elasticsearch took the batch after {} retries in {} s; partitions resumed", retry,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSinceNanos));
        }
        resumeIfPaused();
        deadLetters.flush();
        commit(batch.committableOffsets());
        sending = null;
    }

    /** Applies the outcomes of the request in flight once, waiting for them if needed. */
    private Failure absorb(InFlight inFlight) {
        if (!inFlight.absorbed) {
            try {
                inFlight.failure = settle(inFlight.sent(), inFlight.outcomes().join());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof ElasticsearchUnavailableException unavailable)) {
                    throw e.getCause() instanceof RuntimeException failure ? failure : e;
                }
                inFlight.failure = Failure.of(unavailable);
            }
            inFlight.absorbed = true;
        }
        return inFlight.failure;
    }

    private Failure write(List<PendingRecord> records) {
        try {
            return settle(records, writer.write(documentsOf(records)));
        } catch (ElasticsearchUnavailableException e) {
            return Failure.of(e);
        }
    }

    private static List<VersionedDocument> documentsOf(List<PendingRecord> records) {
        return records.stream().map(PendingRecord::document).toList();
    }

    /** Applies Elasticsearch's outcomes; returns why some documents must be sent again, or null if none must. */
    private Failure settle(List<PendingRecord> sent, List<DocumentOutcome> outcomes) {
        Failure failure = null;
        for (int i = 0; i < sent.size(); i++) {
            PendingRecord record = sent.get(i);
            DocumentOutcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case INDEXED -> {
                    record.settle();
                    metrics.indexed(record.times());
                }
                case STALE -> {
                    record.settle();
                    metrics.stale();
                    log.debug("Stale {} id={} version={}: a version at least as new is indexed", record.origin(),
                            record.id(), record.document().version());
                }
                case REJECTED -> reject(record, outcome.errorType(), outcome.reason());
                case RETRY -> failure = new Failure(retryReasonOf(outcome),
                        "Elasticsearch could not take some documents: " + outcome.describe());
            }
        }
        return failure;
    }

    private static String retryReasonOf(DocumentOutcome outcome) {
        if (outcome.status() == 429) {
            return "too_many_requests";
        }
        return outcome.status() >= 500 ? "server_error" : "index_unavailable";
    }

    private void reject(PendingRecord record, String errorClass, String reason) {
        log.warn("Rejected {} id={} url={}: {}: {}; sent to {}", record.origin(), record.id(), record.url(),
                errorClass, reason, deadLetters.topic());
        deadLetters.send(record, errorClass, reason);
        metrics.rejected(errorClass);
        record.settle();
    }

    /**
     * Waits before a retry while polling with every partition paused: polling keeps the consumer in its group, and
     * pausing keeps new records from piling up.
     */
    private void backOff(Duration delay) {
        if (!paused) {
            consumer.pause(consumer.assignment());
            paused = true;
        }
        long until = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            pollInto(Duration.ofNanos(Math.min(left, settings.pollTimeout().toNanos())));
        }
    }

    private void resumeIfPaused() {
        if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // The wakeup was meant to end a poll; it is spent now, so the commit can go through.
            commit(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("Could not commit {} ({}): those records will be consumed again and found already indexed",
                    offsets, e.getMessage());
        }
    }

    private void refresh() {
        try {
            connection.client().indices().refresh(r -> r.index(writeAlias));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh " + writeAlias, e);
        }
    }

    private void awaitCloseRequest(Duration delay) {
        try {
            closeRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }

    private void releaseClients() {
        consumerMetrics.close();
        consumer.close();
        deadLetters.close();
        connection.close();
    }

    /** Keeps the batch consistent with the partitions this consumer owns; runs inside poll, on the loop thread. */
    private final class PartitionHandover implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (sending != null && sending.batch().holdsAny(partitions)) {
                absorb(sending);
                deadLetters.flush();
                commit(sending.batch().committableOffsets(partitions));
            }
            // The batch being filled comes after the one in flight, so its offsets could skip unsettled records.
            onPartitionsLost(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (sending != null) {
                sending.batch().drop(partitions);
            }
            filling.drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            lastActivityNanos = System.nanoTime();
            if (paused) {
                consumer.pause(partitions);
            }
        }
    }

    /** Why documents must be sent again: a short reason for the metric tag, and a description for the log. */
    private record Failure(String reason, String description) {
        static Failure of(ElasticsearchUnavailableException e) {
            return new Failure(e.reason(), e.getMessage());
        }
    }

    /** The batch whose bulk request is on its way, with the records it carries and the outcomes to come. */
    private static final class InFlight {
        private final Batch batch;
        private final List<PendingRecord> sent;
        private final CompletableFuture<List<DocumentOutcome>> outcomes;
        private boolean absorbed;
        private Failure failure;

        InFlight(Batch batch, List<PendingRecord> sent, CompletableFuture<List<DocumentOutcome>> outcomes) {
            this.batch = batch;
            this.sent = sent;
            this.outcomes = outcomes;
        }

        Batch batch() {
            return batch;
        }

        List<PendingRecord> sent() {
            return sent;
        }

        CompletableFuture<List<DocumentOutcome>> outcomes() {
            return outcomes;
        }
    }
}
