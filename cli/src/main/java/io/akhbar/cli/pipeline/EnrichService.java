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
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The enrich stream: stories and tags, exactly once. */
public final class EnrichService implements AutoCloseable {
    public static final String STAGE = "enrich";
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
        Map<String, Object> overrides = new HashMap<>(BoundedRocksDb.streamsConfig());
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                settings.streamThreadsFor(config.kafka().partitions(), config.kafka().bandPartitions()));
        runner = new StreamsRunner(STAGE, EnrichTopology.build(config.kafka().topics(),
                config.kafka().bandPartitions(), settings, tagger),
                StreamsConfigs.of(applicationId, STAGE, config.kafka(), settings.stateDir(), overrides));
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
