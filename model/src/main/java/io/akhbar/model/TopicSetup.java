package io.akhbar.model;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the pipeline's topics if they are missing, and returns once the broker serves every partition of them.
 * Every topic keyed by article gets the same partition count, so an article's records meet in one partition and one
 * task at every stage.
 */
public final class TopicSetup {
    /** Raw pages carry whole bodies (the crawler's limit is 5 MiB by default), and dead letters carry raw pages. */
    public static final int LARGE_RECORD_BYTES = 16 * 1024 * 1024;
    private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(60);
    private static final long SERVED_POLL_MILLIS = 50;

    private TopicSetup() {
    }

    public static void ensure(KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            ensure(admin, kafka);
        }
    }

    public static void ensure(Admin admin, KafkaSettings kafka) {
        Topics topics = kafka.topics();
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, kafka.partitionsOf(name), kafka.replicationFactor())
                            .configs(configOf(topics, name)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().values().forEach(TopicSetup::awaitIgnoringExists);
            awaitServed(admin, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics on " + kafka.bootstrapServers() + ": " + e.getCause(), e);
        }
    }

    /**
     * Raw pages, articles and dead letters are the pipeline's history: replay and redrive need them whole. The crawl
     * state keeps the latest record per URL.
     */
    private static Map<String, String> configOf(Topics topics, String name) {
        Map<String, String> config = new HashMap<>();
        if (name.equals(topics.crawlState())) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (name.equals(topics.rawPages()) || name.equals(topics.articles()) || name.equals(topics.deadLetters())) {
            config.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        if (name.equals(topics.rawPages()) || name.equals(topics.deadLetters())) {
            config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(LARGE_RECORD_BYTES));
        }
        return config;
    }

    /**
     * A topic's creation is acknowledged before its partitions have a leader on the broker. An idempotent producer
     * that writes to one at once can see its first batch refused while the partition is not yet served and its
     * next batches taken once it is; the broker then refuses the first batch's retry as out of order until the
     * producer's delivery timeout expires (measured: one fresh topic in ten, 5,000 records each, on a one-node
     * broker). Listing each partition's end offset succeeds only once its leader serves it.
     */
    private static void awaitServed(Admin admin, List<NewTopic> created) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (NewTopic topic : created) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                ends.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + SERVED_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(ends).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics created but not served by the broker within "
                            + SERVED_TIMEOUT.toSeconds() + " s: " + e.getCause(), e);
                }
                Thread.sleep(SERVED_POLL_MILLIS);
            }
        }
    }

    private static void awaitIgnoringExists(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic: " + e.getCause(), e);
            }
        }
    }
}
