package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.StoryFixtures;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandReply;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The story processor on its own, with the replies of its bands given by hand, so that they can come after what a
 * topology would never interleave on the test driver: a restart, a re-crawl, a tombstone.
 */
class StoryProcessorTest {
    private static final EnrichSettings SETTINGS = EnrichSettings.defaults();
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");
    private static final String ENRICHED = "enriched";

    @TempDir
    Path stateDir;
    private MockProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> received;

    @BeforeEach
    void stores() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-processor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile());
        received = add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RECEIVED_ARTICLES),
                AkhbarSerdes.KEY, Serdes.ByteArray()).withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.STORIES), AkhbarSerdes.KEY,
                AkhbarSerdes.STORY_STATE).withLoggingDisabled().build());
    }

    @Test
    void anArticleAnsweredAfterARestartIsEmittedAsItWouldHaveBeenWithoutIt() {
        Article article = article(PUBLISHED.plusSeconds(60));
        StoryProcessor running = started();
        receive(running, article);
        answerEveryBand(running, article);
        byte[] withoutRestart = lastEmitted();
        clearStores();

        receive(started(), article);
        answerEveryBand(started(), article);

        assertThat(lastEmitted()).isEqualTo(withoutRestart);
    }

    @Test
    void anUnchangedRecrawlBeforeTheRepliesIsWhatTheFirstEmissionCarries() {
        Instant recrawled = PUBLISHED.plusSeconds(3_600);
        StoryProcessor processor = started();
        receive(processor, article(PUBLISHED.plusSeconds(60)));
        receive(processor, article(recrawled));

        answerEveryBand(processor, article(recrawled));

        EnrichedArticle emitted = AkhbarSerdes.ENRICHED_ARTICLE.decode(lastEmitted());
        assertThat(emitted.getArticle().getFetchedAt()).isEqualTo(recrawled);
        assertThat(emitted.getContentVersion()).isEqualTo(1);
    }

    @Test
    void anArticleDeletedBeforeItsRepliesIsNotEmitted() {
        Article article = article(PUBLISHED.plusSeconds(60));
        StoryProcessor processor = started();
        receive(processor, article);
        received.delete(article.getId());
        processor.process(new Record<>(article.getId(), null, PUBLISHED.toEpochMilli()));

        assertThatThrownBy(() -> answerEveryBand(processor, article))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no record in the articles topic");
        assertThat(context.forwarded()).noneMatch(forwarded -> ENRICHED.equals(forwarded.childName().orElse("")));
    }

    private static Article article(Instant fetched) {
        Article article = StoryFixtures.article("https://example.com/news/1", StoryFixtures.seed(1), PUBLISHED);
        article.setFetchedAt(fetched);
        return article;
    }

    /** As the topology does: the received-articles store's writer runs before the story processor. */
    private void receive(StoryProcessor processor, Article article) {
        byte[] bytes = AkhbarSerdes.ARTICLE.encode(article);
        received.put(article.getId(), bytes);
        processor.process(new Record<>(article.getId(), ReceivedArticle.DESERIALIZER.deserialize("articles", bytes),
                PUBLISHED.toEpochMilli()));
    }

    private void answerEveryBand(StoryProcessor processor, Article article) {
        List<Integer> bands = IntStream.range(0, SETTINGS.bands()).boxed().toList();
        processor.process(new Record<>(article.getId(), new BandReply(article.getId(), 1, bands, List.of(), null),
                PUBLISHED.toEpochMilli()));
    }

    private byte[] lastEmitted() {
        List<byte[]> emitted = context.forwarded().stream()
                .filter(forwarded -> ENRICHED.equals(forwarded.childName().orElse("")))
                .map(forwarded -> (byte[]) forwarded.record().value())
                .toList();
        assertThat(emitted).isNotEmpty();
        return emitted.get(emitted.size() - 1);
    }

    private StoryProcessor started() {
        StoryProcessor processor = new StoryProcessor(SETTINGS, Tagger.withBundledData(), "probes", "news", ENRICHED);
        processor.init(context);
        return processor;
    }

    private void clearStores() {
        for (String name : List.of(StoreNames.RECEIVED_ARTICLES, StoreNames.STORIES)) {
            KeyValueStore<String, ?> store = context.getStateStore(name);
            try (var all = store.all()) {
                all.forEachRemaining(entry -> store.delete(entry.key));
            }
        }
        context.resetForwards();
    }

    private <S extends StateStore> S add(S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
