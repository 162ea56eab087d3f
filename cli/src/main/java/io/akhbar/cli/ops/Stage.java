package io.akhbar.cli.ops;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.ingest.pipeline.ExtractTopology;
import io.akhbar.model.Topics;

import java.util.List;
import java.util.Locale;

/**
 * The stages that consume a topic, as replay and redrive see them: the consumer group (for the Streams
 * applications, their application id), the topics it reads, and how its position is reset.
 */
public enum Stage {
    EXTRACT(ExtractTopology.STAGE, true, "akhbar crawl (role all or extractor)"),
    ENRICH(EnrichService.STAGE, true, "akhbar enrich"),
    SINK("sink", false, "akhbar sink");

    private final String label;
    private final boolean streamsApplication;
    private final String service;

    Stage(String label, boolean streamsApplication, String service) {
        this.label = label;
        this.streamsApplication = streamsApplication;
        this.service = service;
    }

    /** The name dead letters carry in their {@code stage} field, and the commands take. */
    public String label() {
        return label;
    }

    public static Stage of(String label) {
        for (Stage stage : values()) {
            if (stage.label.equals(label.toLowerCase(Locale.ROOT))) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + label + "' (known: extract, enrich, sink)");
    }

    /** A Kafka Streams application, reset by Kafka's own procedure rather than by moving a consumer group. */
    public boolean streamsApplication() {
        return streamsApplication;
    }

    /** The command that runs the stage, for messages telling what to stop. */
    public String service() {
        return service;
    }

    public String group(AkhbarConfig config) {
        return switch (this) {
            case EXTRACT -> ExtractService.applicationId(config);
            case ENRICH -> EnrichService.applicationId(config);
            case SINK -> SinkService.consumerGroup(config);
        };
    }

    /** The topics whose records the stage processes again on a replay. */
    public List<String> inputTopics(AkhbarConfig config) {
        Topics topics = config.kafka().topics();
        return switch (this) {
            case EXTRACT -> List.of(topics.rawPages());
            case ENRICH -> List.of(topics.articles());
            case SINK -> List.of(topics.enriched());
        };
    }

    /**
     * Topics the stage both writes and reads (enrich's band lookup loop). A replay skips what is in them: the
     * records they hold belong to the processing being replaced.
     */
    public List<String> intermediateTopics(AkhbarConfig config) {
        Topics topics = config.kafka().topics();
        return this == ENRICH ? List.of(topics.bandProbes(), topics.storyReplies()) : List.of();
    }
}
