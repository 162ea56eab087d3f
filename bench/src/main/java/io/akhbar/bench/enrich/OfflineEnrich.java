package io.akhbar.bench.enrich;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.Topics;
import io.akhbar.model.streams.StreamsConfigs;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The enrich topology on Kafka Streams' test driver (one partition, no broker, stores in memory, since the driver
 * commits after every record): its story decisions, not its speed.
 */
final class OfflineEnrich {
    private OfflineEnrich() {
    }

    /** The final story id of every article key, after feeding the articles in the given order. */
    static Map<String, String> stories(List<Article> arrivals, EnrichSettings settings, Tagger tagger) {
        Path stateDir = temporaryDirectory();
        Topics topics = Topics.DEFAULT;
        Map<String, String> storyByKey = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, 1,
                settings.withStateDir(stateDir), tagger, EnrichTopology.StoreKind.IN_MEMORY),
                StreamsConfigs.of("bench-enrich-offline", "enrich", KafkaSettings.of("offline:0"), stateDir, Map.of()))) {
            TestInputTopic<String, Article> in = driver.createInputTopic(topics.articles(), AkhbarSerdes.KEY.serializer(),
                    AkhbarSerdes.ARTICLE.serializer());
            TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(topics.enriched(),
                    AkhbarSerdes.KEY.deserializer(), AkhbarSerdes.ENRICHED_ARTICLE.deserializer());
            for (Article article : arrivals) {
                in.pipeInput(article.getId(), article);
                for (EnrichedArticle enriched : out.readValuesToList()) {
                    storyByKey.put(enriched.getArticle().getId(), enriched.getStoryId());
                }
            }
        } finally {
            delete(stateDir);
        }
        return storyByKey;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("akhbar-bench-enrich");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
