package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.enrich.BoundedRocksDb;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.StateLayout;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.Topics;
import io.akhbar.model.streams.StreamsConfigs;
import io.akhbar.model.streams.StreamsRunner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The enrich stream: stories and tags, exactly once. */
public final class EnrichService implements AutoCloseable {
    public static final String STAGE = "enrich";
    /**
     * How long a stream thread may go without polling before the group takes it for dead, unless
     * {@code kafka.clientProperties} sets {@code max.poll.interval.ms}. A band partition that lost its buckets rebuilds
     * them before it answers the next probe: 13 minutes for the state-scale target of ten million articles in the band
     * retention (BENCHMARKS.md), where Kafka's default of five minutes covers about four million. A thread taken for
     * dead in the middle is closed uncleanly, which under exactly-once wipes its state, so the rebuild would start over
     * after the restore, again and again. Half an hour covers about twenty million articles.
     */
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(30);
    private static final String MAX_POLL_INTERVAL_CONFIG = ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG;
    private final StreamsRunner runner;
    private final String applicationId;
    private final StateLayout layout;
    private final Map<String, Object> kafkaClientConfig;

    public EnrichService(AkhbarConfig config) {
        EnrichSettings settings = config.enrich();
        applicationId = applicationId(config);
        layout = StateLayout.of(settings, config.kafka().bandPartitions());
        kafkaClientConfig = config.kafka().clientConfig();
        Tagger tagger = settings.extraGazetteer() == null ? Tagger.withBundledData()
                : Tagger.withBundledDataAnd(settings.extraGazetteer());
        runner = new StreamsRunner(STAGE, EnrichTopology.build(config.kafka().topics(),
                config.kafka().bandPartitions(), settings, tagger), streamsConfig(config));
    }

    /** The Streams configuration of the enrich stream. */
    static Properties streamsConfig(AkhbarConfig config) {
        EnrichSettings settings = config.enrich();
        Map<String, Object> overrides = new HashMap<>(BoundedRocksDb.streamsConfig());
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                settings.streamThreadsFor(config.kafka().partitions(), config.kafka().bandPartitions()));
        Map<String, String> clientProperties = config.kafka().clientProperties();
        if (!clientProperties.containsKey(MAX_POLL_INTERVAL_CONFIG)
                && !clientProperties.containsKey(StreamsConfig.consumerPrefix(MAX_POLL_INTERVAL_CONFIG))
                && !clientProperties.containsKey(StreamsConfig.mainConsumerPrefix(MAX_POLL_INTERVAL_CONFIG))) {
            overrides.put(StreamsConfig.mainConsumerPrefix(MAX_POLL_INTERVAL_CONFIG),
                    (int) MAX_POLL_INTERVAL.toMillis());
        }
        return StreamsConfigs.of(applicationId(config), STAGE, config.kafka(), settings.stateDir(), overrides);
    }

    public static String applicationId(AkhbarConfig config) {
        return config.kafka().topicPrefix() + config.enrich().applicationId();
    }

    public static List<String> inputTopics(AkhbarConfig config) {
        Topics topics = config.kafka().topics();
        return List.of(topics.articles(), topics.bandProbes(), topics.storyReplies());
    }

    /** @throws StateLayout.MismatchException if the application's state in Kafka was built with other settings */
    public EnrichService start() {
        layout.verifyAgainst(kafkaClientConfig, applicationId);
        runner.start();
        return this;
    }

    public StreamsRunner runner() {
        return runner;
    }

    public String applicationId() {
        return applicationId;
    }

    @Override
    public void close() {
        runner.close();
    }
}
