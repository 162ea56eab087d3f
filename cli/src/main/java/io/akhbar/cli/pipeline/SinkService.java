package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.sink.SinkSettings;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/** The sink, with its consumer group named after the deployment's topic prefix. */
public final class SinkService {
    public static final String STAGE = "sink";

    private SinkService() {
    }

    public static SinkSettings settings(AkhbarConfig config) {
        return config.sink().withConsumerGroup(consumerGroup(config));
    }

    public static String consumerGroup(AkhbarConfig config) {
        return config.kafka().topicPrefix() + config.sink().consumerGroup();
    }

    public static List<String> inputTopics(AkhbarConfig config) {
        return List.of(config.kafka().topics().enriched());
    }

    public static ElasticsearchSink create(AkhbarConfig config, MeterRegistry registry) {
        return new ElasticsearchSink(settings(config), config.kafka().topics(), registry);
    }
}
