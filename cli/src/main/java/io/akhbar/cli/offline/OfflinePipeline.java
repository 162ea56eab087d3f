package io.akhbar.cli.offline;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.ingest.pipeline.ExtractTopology;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.RawPage;
import io.akhbar.model.Topics;
import io.akhbar.model.streams.StreamsConfigs;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The extract and enrich topologies run in this process without a broker, on Kafka Streams' test driver: the
 * offline commands use exactly the code of the services.
 */
public final class OfflinePipeline implements AutoCloseable {
    private static final Topics TOPICS = Topics.DEFAULT;
    private final Path stateDir;
    private final TopologyTestDriver extract;
    private final TopologyTestDriver enrich;
    private final TestInputTopic<String, RawPage> rawPages;
    private final TestOutputTopic<String, Article> extracted;
    private final TestOutputTopic<String, DeadLetter> extractDeadLetters;
    private final TestInputTopic<String, Article> articles;
    private final TestOutputTopic<String, EnrichedArticle> enriched;

    public OfflinePipeline(ArticleExtractor extractor, EnrichSettings enrichSettings, Tagger tagger) throws java.io.IOException {
        stateDir = Files.createTempDirectory("akhbar-offline");
        KafkaSettings offline = KafkaSettings.of("offline:0");
        extract = new TopologyTestDriver(ExtractTopology.build(TOPICS, extractor, ExtractService.canonicalizer()),
                StreamsConfigs.of("akhbar-extract-offline", ExtractTopology.STAGE, offline, stateDir.resolve("extract"), Map.of()));
        // The test driver runs every topic as a single partition, and commits after every record: memory stores.
        enrich = new TopologyTestDriver(EnrichTopology.build(TOPICS, 1, enrichSettings.withStateDir(stateDir), tagger,
                EnrichTopology.StoreKind.IN_MEMORY),
                StreamsConfigs.of("akhbar-enrich-offline", "enrich", offline, stateDir.resolve("enrich"), Map.of()));
        rawPages = extract.createInputTopic(TOPICS.rawPages(), AkhbarSerdes.KEY.serializer(), AkhbarSerdes.RAW_PAGE.serializer());
        extracted = extract.createOutputTopic(TOPICS.articles(), AkhbarSerdes.KEY.deserializer(), AkhbarSerdes.ARTICLE.deserializer());
        extractDeadLetters = extract.createOutputTopic(TOPICS.deadLetters(), AkhbarSerdes.KEY.deserializer(),
                AkhbarSerdes.DEAD_LETTER.deserializer());
        articles = enrich.createInputTopic(TOPICS.articles(), AkhbarSerdes.KEY.serializer(), AkhbarSerdes.ARTICLE.serializer());
        enriched = enrich.createOutputTopic(TOPICS.enriched(), AkhbarSerdes.KEY.deserializer(),
                AkhbarSerdes.ENRICHED_ARTICLE.deserializer());
    }

    /** What became of one raw page: its article (if it is one) or the reason it failed. */
    public record Outcome(Article article, DeadLetter failure) {
    }

    public Outcome extractAndEnrich(String key, RawPage page) {
        rawPages.pipeInput(key, page);
        List<DeadLetter> failures = extractDeadLetters.readValuesToList();
        if (!failures.isEmpty()) {
            return new Outcome(null, failures.get(0));
        }
        List<Article> out = extracted.readValuesToList();
        if (out.isEmpty()) {
            return new Outcome(null, null);
        }
        Article article = out.get(out.size() - 1);
        articles.pipeInput(article.getId(), article);
        return new Outcome(article, null);
    }

    /** Every enriched record emitted since the last call; later ones supersede earlier ones of the same article. */
    public List<EnrichedArticle> enrichedSoFar() {
        return enriched.readValuesToList();
    }

    @Override
    public void close() {
        extract.close();
        enrich.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
