package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.ingest.pipeline.ExtractTopology;

import java.util.List;

/** The pipeline's consumer groups, one per stage, with the topics each consumes. */
public final class ConsumerGroups {
    private ConsumerGroups() {
    }

    /** The crawler instances sharing the frontier: its lag is the URLs discovered and not fetched yet. */
    public static MonitoredGroup crawl(AkhbarConfig config) {
        return new MonitoredGroup("crawl", config.kafka().topicPrefix() + config.crawler().consumerGroup(),
                List.of(config.kafka().topics().crawlFrontier()));
    }

    public static MonitoredGroup extract(AkhbarConfig config) {
        return new MonitoredGroup(ExtractTopology.STAGE, ExtractService.applicationId(config),
                ExtractService.inputTopics(config));
    }

    public static MonitoredGroup enrich(AkhbarConfig config) {
        return new MonitoredGroup(EnrichService.STAGE, EnrichService.applicationId(config),
                EnrichService.inputTopics(config));
    }

    public static MonitoredGroup sink(AkhbarConfig config) {
        return new MonitoredGroup(SinkService.STAGE, SinkService.consumerGroup(config), SinkService.inputTopics(config));
    }

    public static List<MonitoredGroup> all(AkhbarConfig config) {
        return List.of(crawl(config), extract(config), enrich(config), sink(config));
    }
}
