package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.ingest.pipeline.ExtractTopology;
import io.akhbar.model.streams.StreamsConfigs;
import io.akhbar.model.streams.StreamsRunner;

import java.util.List;
import java.util.Map;

/** The extractor: raw pages to articles, a Streams application of its own so it can be replayed alone. */
public final class ExtractService implements AutoCloseable {
    public static final String APPLICATION_ID = "akhbar-extract";
    private final StreamsRunner runner;
    private final String applicationId;

    public ExtractService(AkhbarConfig config) {
        applicationId = applicationId(config);
        runner = new StreamsRunner(ExtractTopology.STAGE,
                ExtractTopology.build(config.kafka().topics(), new ArticleExtractor(), ExtractService.canonicalizer()),
                StreamsConfigs.of(applicationId, ExtractTopology.STAGE, config.kafka(),
                        config.service().workDir().resolve("streams"), Map.of()));
    }

    /** The crawler's canonicalisation; a URL it cannot canonicalise is kept as it is. */
    public static java.util.function.UnaryOperator<String> canonicalizer() {
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        return url -> canonicalizer.canonicalize(url).orElse(url);
    }

    public static String applicationId(AkhbarConfig config) {
        return config.kafka().topicPrefix() + APPLICATION_ID;
    }

    public static List<String> inputTopics(AkhbarConfig config) {
        return List.of(config.kafka().topics().rawPages());
    }

    public ExtractService start() {
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
