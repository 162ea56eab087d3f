package io.akhbar.model;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the pipeline's topics if they are missing. Every topic keyed by article gets the same partition count,
 * so an article's records meet in one partition and one task at every stage.
 */
public final class TopicSetup {
    /** Raw pages carry whole bodies (the crawler's limit is 5 MiB by default), and dead letters carry raw pages. */
    public static final int LARGE_RECORD_BYTES = 16 * 1024 * 1024;

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
                    .map(name -> new NewTopic(name, kafka.partitions(), kafka.replicationFactor())
                            .configs(configOf(topics, name)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().values().forEach(TopicSetup::awaitIgnoringExists);
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
        Map<String, String> config = new java.util.HashMap<>();
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
