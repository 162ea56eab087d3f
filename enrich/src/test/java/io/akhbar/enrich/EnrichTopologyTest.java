package io.akhbar.enrich;

import io.akhbar.enrich.StoryFixtures.Republish;
import io.akhbar.enrich.StoryFixtures.Story;
import io.akhbar.enrich.dedup.ArticleWords;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.DuplicateKind;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.StoreNames;
import io.akhbar.model.Topics;
import io.akhbar.model.internal.StoryState;
import io.akhbar.model.streams.StreamsConfigs;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.akhbar.enrich.StoryFixtures.FIRST_PUBLISHED;
import static io.akhbar.enrich.StoryFixtures.article;
import static io.akhbar.enrich.StoryFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

class EnrichTopologyTest {
    private static final Topics TOPICS = Topics.DEFAULT;
    private static final Tagger TAGGER = Tagger.withBundledData();

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    @BeforeEach
    void start() {
        driver = newDriver(stateDir);
        articles = driver.createInputTopic(TOPICS.articles(), new StringSerializer(), AkhbarSerdes.ARTICLE.serializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), AkhbarSerdes.KEY.deserializer(),
                AkhbarSerdes.ENRICHED_ARTICLE.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void fiveArticlesOnOneSubjectAreFiveStories() {
        for (int i = 0; i < StoryFixtures.SEEDS; i++) {
            pipe(article("https://outlet" + i + ".example/story", seed(i), FIRST_PUBLISHED.plusSeconds(i)));
        }
        Map<String, EnrichedArticle> latest = latestByKey();
        assertThat(latest).hasSize(5);
        assertThat(latest.values()).allSatisfy(a -> {
            assertThat(a.getStoryId()).isEqualTo(a.getArticle().getId());
            assertThat(a.getDuplicate()).isNull();
        });
    }

    @ParameterizedTest
    @EnumSource(Republish.class)
    void aRepublishedCopyJoinsTheOriginalsStory(Republish change) {
        Article original = article("https://taif.example/2024/03/idlib", seed(0), FIRST_PUBLISHED);
        Article copy = article("https://wire.example/news/1", change.apply(seed(0)), FIRST_PUBLISHED.plusSeconds(3600));
        pipe(original);
        pipe(copy);
        EnrichedArticle copied = latestByKey().get(copy.getId());
        assertThat(copied.getStoryId()).isEqualTo(original.getId());
        assertThat(copied.getDuplicate()).isEqualTo(change.changesNormalisedText() ? DuplicateKind.NEAR : DuplicateKind.EXACT);
        assertThat(copied.getDuplicateOf()).isEqualTo(original.getId());
    }

    @Test
    void labelledSetHasPairwisePrecisionAndRecallOfOne() {
        List<Article> all = new ArrayList<>();
        Map<String, Integer> truth = new HashMap<>();
        for (int s = 0; s < StoryFixtures.SEEDS; s++) {
            Article original = article("https://origin.example/" + s, seed(s), FIRST_PUBLISHED.plusSeconds(s * 60L));
            all.add(original);
            truth.put(original.getId(), s);
            for (Republish change : Republish.values()) {
                Article copy = article("https://copy-" + change.name().toLowerCase().replace('_', '-') + ".example/" + s,
                        change.apply(seed(s)), FIRST_PUBLISHED.plusSeconds(3600 + s * 60L + change.ordinal()));
                all.add(copy);
                truth.put(copy.getId(), s);
            }
        }
        all.forEach(this::pipe);
        Map<String, EnrichedArticle> latest = latestByKey();
        int truePairs = 0;
        int falsePairs = 0;
        int missedPairs = 0;
        List<String> ids = new ArrayList<>(truth.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean same = truth.get(ids.get(i)).equals(truth.get(ids.get(j)));
                boolean predicted = latest.get(ids.get(i)).getStoryId().equals(latest.get(ids.get(j)).getStoryId());
                truePairs += same && predicted ? 1 : 0;
                falsePairs += !same && predicted ? 1 : 0;
                missedPairs += same && !predicted ? 1 : 0;
            }
        }
        assertThat(falsePairs).as("pairs wrongly put in one story").isZero();
        assertThat(missedPairs).as("pairs of one story not grouped").isZero();
        assertThat(truePairs).isEqualTo(StoryFixtures.SEEDS * (Republish.values().length + 1) * Republish.values().length / 2);
    }

    @Test
    void sameTextUnderAnotherUrlIsAnExactDuplicateOfTheEarlierOne() {
        Article first = article("https://a.example/1", seed(2), FIRST_PUBLISHED);
        Article second = article("https://b.example/1", seed(2), FIRST_PUBLISHED.plusSeconds(10));
        pipe(first);
        pipe(second);
        Map<String, EnrichedArticle> latest = latestByKey();
        EnrichedArticle dup = latest.get(second.getId());
        assertThat(dup.getDuplicate()).isEqualTo(DuplicateKind.EXACT);
        assertThat(dup.getDuplicateOf()).isEqualTo(first.getId());
        assertThat(dup.getFingerprint()).isEqualTo(latest.get(first.getId()).getFingerprint());
    }

    @Test
    void anUnchangedRecrawlIsDroppedAndAChangedOneIsANewVersion() {
        Article article = article("https://a.example/1", seed(1), FIRST_PUBLISHED);
        pipe(article);
        assertThat(enriched.readValuesToList()).hasSize(1);

        pipe(article);
        assertThat(enriched.readValuesToList()).isEmpty();

        Story edited = Republish.PARAGRAPH_ADDED.apply(seed(1));
        pipe(article("https://a.example/1", edited, FIRST_PUBLISHED));
        List<EnrichedArticle> versions = enriched.readValuesToList();
        assertThat(versions).singleElement().satisfies(v -> assertThat(v.getContentVersion()).isEqualTo(2));
    }

    @Test
    void anEarlierMemberArrivingLateBecomesTheStoryAndTheLaterOneIsReEmitted() {
        Article original = article("https://taif.example/1", seed(0), FIRST_PUBLISHED);
        Article copy = article("https://wire.example/1", Republish.TITLE_REWORDED.apply(seed(0)), FIRST_PUBLISHED.plusSeconds(600));
        pipe(copy);
        assertThat(latestByKeyFrom(enriched.readValuesToList()).get(copy.getId()).getStoryId()).isEqualTo(copy.getId());

        pipe(original);
        Map<String, EnrichedArticle> updates = latestByKeyFrom(enriched.readValuesToList());
        assertThat(updates.get(copy.getId()).getStoryId()).isEqualTo(original.getId());
        assertThat(updates.get(original.getId()).getStoryId()).isEqualTo(original.getId());
    }

    /** An article is tagged on arrival, and its tags go with it whenever it is emitted: first, and when its story changes. */
    @Test
    void anArticleCarriesTheTaggersTagsWheneverItIsEmitted() {
        Article original = article("https://taif.example/1", seed(0), FIRST_PUBLISHED);
        Article copy = article("https://wire.example/1", Republish.TITLE_REWORDED.apply(seed(0)), FIRST_PUBLISHED.plusSeconds(600));
        Tags expected = TAGGER.tag(copy.getTitle(), copy.getParagraphs(), copy.getLang());
        pipe(copy);
        pipe(original);

        List<EnrichedArticle> emissions = enriched.readValuesToList().stream()
                .filter(e -> e.getArticle().getId().equals(copy.getId())).toList();
        assertThat(emissions).hasSize(2).allSatisfy(e -> {
            assertThat(e.getEntities()).isNotEmpty().isEqualTo(expected.entities());
            assertThat(e.getTopics()).isNotEmpty().isEqualTo(expected.topics());
            assertThat(e.getWordCount()).isEqualTo(expected.wordCount());
        });
    }

    /**
     * The story state keeps an article's tags only until its first emission (state from earlier versions, which kept
     * them in a store of their own, has none): an article emitted again, when its story changes, is tagged again.
     */
    @Test
    void anArticleEmittedAgainIsTaggedAgain() {
        Article original = article("https://taif.example/1", seed(0), FIRST_PUBLISHED);
        Article copy = article("https://wire.example/1", Republish.TITLE_REWORDED.apply(seed(0)), FIRST_PUBLISHED.plusSeconds(600));
        pipe(copy);
        KeyValueStore<String, StoryState> stories = driver.getKeyValueStore(StoreNames.STORIES);
        assertThat(stories.get(copy.getId()).getRevision()).isEqualTo(1);
        assertThat(stories.get(copy.getId()).getPendingEnrichment()).isNull();
        enriched.readValuesToList();

        pipe(original);

        Tags expected = TAGGER.tag(copy.getTitle(), copy.getParagraphs(), copy.getLang());
        EnrichedArticle reEmitted = latestByKey().get(copy.getId());
        assertThat(reEmitted.getStoryId()).isEqualTo(original.getId());
        assertThat(reEmitted.getEntities()).isNotEmpty().isEqualTo(expected.entities());
        assertThat(reEmitted.getTopics()).isEqualTo(expected.topics());
        assertThat(reEmitted.getWordCount()).isEqualTo(expected.wordCount());
        assertThat(reEmitted.getTaggerVersion()).isEqualTo(Tagger.VERSION);
    }

    /**
     * A first crawl of an outlet's whole sitemap, or an archive import after months of live crawling, sends years-old
     * articles after new ones: their band state must still be kept and found.
     */
    @Test
    void copiesOfAStoryYearsOlderThanTheNewestArticleStillFindEachOther() {
        Instant years = FIRST_PUBLISHED.minus(Duration.ofDays(5 * 365));
        Article original = article("https://taif.example/2019/05/idlib", seed(0), years);
        Article copy = article("https://wire.example/2019/05/idlib", Republish.AGENCY_EDIT.apply(seed(0)),
                years.plusSeconds(3600));
        pipe(article("https://taif.example/2024/03/unrelated", seed(1), FIRST_PUBLISHED));
        pipe(original);
        pipe(copy);
        assertThat(latestByKey().get(copy.getId()).getStoryId()).isEqualTo(original.getId());
    }

    @Test
    void theBandStateKeepsTheLayoutItIsBuiltWith() {
        pipe(article("https://taif.example/2024/03/idlib", seed(0), FIRST_PUBLISHED));
        KeyValueStore<String, String> layout = driver.getKeyValueStore(StoreNames.STATE_LAYOUT);
        assertThat(layout.get(StateLayout.KEY)).isEqualTo(StateLayout.of(EnrichSettings.defaults(), 1).describe());
    }

    @Test
    void anArticleOlderThanTheBandRetentionIsItsOwnStoryAndCounted(@TempDir Path otherStateDir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        EnrichSettings shortRetention = EnrichSettings.defaults().withStateDir(otherStateDir)
                .withWindowAndRetention(Duration.ofDays(1), Duration.ofDays(3));
        try (TopologyTestDriver limited = newDriver(shortRetention)) {
            TestInputTopic<String, Article> in = limited.createInputTopic(TOPICS.articles(), new StringSerializer(),
                    AkhbarSerdes.ARTICLE.serializer());
            Instant old = FIRST_PUBLISHED.minus(Duration.ofDays(10));
            Article original = article("https://taif.example/old", seed(0), old);
            Article copy = article("https://wire.example/old", Republish.AGENCY_EDIT.apply(seed(0)), old.plusSeconds(3600));
            for (Article article : List.of(article("https://taif.example/new", seed(1), FIRST_PUBLISHED), original, copy)) {
                in.pipeInput(article.getId(), article);
            }
            Map<String, EnrichedArticle> latest = latestByKeyFrom(limited.createOutputTopic(TOPICS.enriched(),
                    AkhbarSerdes.KEY.deserializer(), AkhbarSerdes.ENRICHED_ARTICLE.deserializer()).readValuesToList());
            assertThat(latest).hasSize(3);
            assertThat(latest.get(copy.getId()).getStoryId()).isEqualTo(copy.getId());
            assertThat(registry.get("akhbar.enrich.beyond.retention").counter().count()).isEqualTo(2);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void aShuffledReplayGivesTheSameStories(@TempDir Path otherStateDir) {
        List<Article> input = new ArrayList<>();
        for (int s = 0; s < StoryFixtures.SEEDS; s++) {
            input.add(article("https://o.example/" + s, seed(s), FIRST_PUBLISHED.plusSeconds(s)));
            input.add(article("https://c.example/" + s, Republish.AGENCY_EDIT.apply(seed(s)), FIRST_PUBLISHED.plusSeconds(100 + s)));
            input.add(article("https://d.example/" + s, Republish.SPELLING_VARIANTS.apply(seed(s)), FIRST_PUBLISHED.plusSeconds(200 + s)));
        }
        input.forEach(this::pipe);
        Map<String, String> inOrder = storiesOf(latestByKey());

        List<Article> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(42));
        try (TopologyTestDriver replay = newDriver(otherStateDir)) {
            TestInputTopic<String, Article> in = replay.createInputTopic(TOPICS.articles(), new StringSerializer(),
                    AkhbarSerdes.ARTICLE.serializer());
            shuffled.forEach(a -> in.pipeInput(a.getId(), a));
            Map<String, String> replayed = storiesOf(latestByKeyFrom(replay.createOutputTopic(TOPICS.enriched(),
                    AkhbarSerdes.KEY.deserializer(), AkhbarSerdes.ENRICHED_ARTICLE.deserializer()).readValuesToList()));
            assertThat(replayed).isEqualTo(inOrder);
        }
        assertThat(new java.util.HashSet<>(inOrder.values())).hasSize(StoryFixtures.SEEDS);
    }

    /**
     * An original, twenty outlets carrying one edited copy of it word for word, and twenty carrying it each with
     * its own credit line, arriving shuffled. Were every match a link, the story messages would grow with the
     * square of the story (about a hundred per article here); links through anchors keep them a few per article.
     */
    @Test
    void aStoryCarriedByManyOutletsInAnyOrderIsOneStoryAtAFewMessagesPerArticle() {
        Article original = article("https://origin.example/wide", seed(2), FIRST_PUBLISHED);
        Story edited = Republish.PARAGRAPH_ADDED.apply(seed(2));
        List<Article> sameEdit = new ArrayList<>();
        List<Article> credited = new ArrayList<>();
        for (int outlet = 0; outlet < 20; outlet++) {
            sameEdit.add(article("https://edit" + outlet + ".example/wide", edited,
                    FIRST_PUBLISHED.plusSeconds(600 + 60L * outlet)));
            Story credit = new Story(seed(2).title(), new ArrayList<>(seed(2).paragraphs()));
            credit.paragraphs().add("المصدر: وكالة الأنباء رقم " + "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ".charAt(outlet));
            credited.add(article("https://credit" + outlet + ".example/wide", credit,
                    FIRST_PUBLISHED.plusSeconds(630 + 60L * outlet)));
        }
        List<Article> arrivals = new ArrayList<>(List.of(original));
        arrivals.addAll(sameEdit);
        arrivals.addAll(credited);
        Collections.shuffle(arrivals, new Random(7));
        TestOutputTopic<String, byte[]> messages = driver.createOutputTopic(TOPICS.storyReplies(),
                new StringDeserializer(), new ByteArrayDeserializer());

        arrivals.forEach(this::pipe);

        Map<String, EnrichedArticle> latest = latestByKey();
        assertThat(latest.values()).hasSize(41).extracting(EnrichedArticle::getStoryId).containsOnly(original.getId());
        Article firstEdit = sameEdit.get(0);
        assertThat(latest.get(firstEdit.getId()).getDuplicate()).isEqualTo(DuplicateKind.NEAR);
        assertThat(sameEdit.subList(1, sameEdit.size())).allSatisfy(copy -> {
            assertThat(latest.get(copy.getId()).getDuplicate()).isEqualTo(DuplicateKind.EXACT);
            assertThat(latest.get(copy.getId()).getDuplicateOf()).isEqualTo(firstEdit.getId());
        });
        assertThat(credited).allSatisfy(copy -> {
            assertThat(latest.get(copy.getId()).getDuplicate()).isEqualTo(DuplicateKind.NEAR);
            assertThat(latest.get(copy.getId()).getDuplicateOf()).isEqualTo(original.getId());
        });
        assertThat(messages.getQueueSize()).as("story-replies records").isLessThan(12L * arrivals.size());
    }

    @Test
    void aChainOfMatchesIsOneStoryNamedAfterItsEarliestMember() {
        Chain chain = Chain.of();
        assertThat(similarity(chain.first(), chain.last())).as("the chain's ends do not match directly")
                .isLessThan(EnrichSettings.defaults().similarityThreshold());
        chain.inTimeOrder().forEach(this::pipe);
        Map<String, EnrichedArticle> latest = latestByKey();
        assertThat(latest.values()).extracting(EnrichedArticle::getStoryId).containsOnly(chain.first().getId());
        assertThat(latest.get(chain.last().getId()).getDuplicate()).isEqualTo(DuplicateKind.NEAR);
        assertThat(latest.get(chain.last().getId()).getDuplicateOf()).isEqualTo(chain.first().getId());
    }

    @Test
    void anArticleBridgingTwoStoriesMergesThemAndReEmitsTheLaterStorysMembers() {
        Chain chain = Chain.of();
        pipe(chain.first());
        pipe(chain.last());
        Map<String, EnrichedArticle> before = latestByKey();
        assertThat(before.get(chain.last().getId()).getStoryId()).isEqualTo(chain.last().getId());

        pipe(chain.middle());
        Map<String, EnrichedArticle> updates = latestByKey();
        assertThat(updates).containsOnlyKeys(chain.middle().getId(), chain.last().getId());
        assertThat(updates.values()).extracting(EnrichedArticle::getStoryId).containsOnly(chain.first().getId());
        assertThat(updates.get(chain.last().getId()).getDocumentVersion())
                .isGreaterThan(before.get(chain.last().getId()).getDocumentVersion());
    }

    @Test
    void everyArrivalOrderOfAChainGivesTheSameStories(@TempDir Path otherStateDirs) {
        Chain chain = Chain.of();
        List<List<Article>> orders = permutations(chain.inTimeOrder());
        for (int i = 0; i < orders.size(); i++) {
            try (TopologyTestDriver replay = newDriver(otherStateDirs.resolve("order-" + i))) {
                TestInputTopic<String, Article> in = replay.createInputTopic(TOPICS.articles(), new StringSerializer(),
                        AkhbarSerdes.ARTICLE.serializer());
                orders.get(i).forEach(a -> in.pipeInput(a.getId(), a));
                Map<String, EnrichedArticle> latest = latestByKeyFrom(replay.createOutputTopic(TOPICS.enriched(),
                        AkhbarSerdes.KEY.deserializer(), AkhbarSerdes.ENRICHED_ARTICLE.deserializer()).readValuesToList());
                assertThat(latest.values()).as("arrival order %s", orders.get(i).stream().map(Article::getCanonicalUrl).toList())
                        .extracting(EnrichedArticle::getStoryId).hasSize(3).containsOnly(chain.first().getId());
            }
        }
    }

    /**
     * A → B → C, where B holds the text of A and more, and C the second half of B: A and B match, B and C match, A
     * and C do not.
     */
    private record Chain(Article first, Article middle, Article last) {
        static Chain of() {
            Story x = seed(1);
            Story y = seed(3);
            Story z = seed(4);
            return new Chain(article("https://a.example/chain", StoryFixtures.joined(x, y), FIRST_PUBLISHED),
                    article("https://b.example/chain", StoryFixtures.joined(x, y, z), FIRST_PUBLISHED.plusSeconds(600)),
                    article("https://c.example/chain", StoryFixtures.joined(y, z), FIRST_PUBLISHED.plusSeconds(1200)));
        }

        List<Article> inTimeOrder() {
            return List.of(first, middle, last);
        }
    }

    private static double similarity(Article a, Article b) {
        MinHasher hasher = new MinHasher(100, EnrichSettings.defaults().shingleSize());
        return MinHasher.similarity(hasher.signature(ArticleWords.of(a.getTitle(), a.getParagraphs()).shingled()),
                hasher.signature(ArticleWords.of(b.getTitle(), b.getParagraphs()).shingled()));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (T head : items) {
            List<T> rest = new ArrayList<>(items);
            rest.remove(head);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    /**
     * The dead letter itself is checked on the real broker (the test driver drops records that exception handlers
     * produce); here: the poison record does not stop the stream.
     */
    @Test
    void anUnreadableRecordDoesNotStopTheStream() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(TOPICS.articles(), new StringSerializer(),
                new ByteArraySerializer());
        raw.pipeInput("poison", "not avro at all".getBytes(StandardCharsets.UTF_8));
        pipe(article("https://a.example/after-poison", seed(3), FIRST_PUBLISHED));
        assertThat(latestByKey()).hasSize(1);
    }

    @Test
    void documentVersionsGrowWithEveryEmissionOfAnArticle() {
        Article original = article("https://taif.example/1", seed(0), FIRST_PUBLISHED);
        Article copy = article("https://wire.example/1", seed(0), FIRST_PUBLISHED.plusSeconds(600));
        pipe(copy);
        pipe(original);
        List<Long> copyVersions = enriched.readValuesToList().stream()
                .filter(e -> e.getArticle().getId().equals(copy.getId()))
                .map(EnrichedArticle::getDocumentVersion).toList();
        assertThat(copyVersions).hasSize(2).isSorted().doesNotHaveDuplicates();
    }

    private TopologyTestDriver newDriver(Path dir) {
        return newDriver(EnrichSettings.defaults().withStateDir(dir));
    }

    private TopologyTestDriver newDriver(EnrichSettings settings) {
        return new TopologyTestDriver(EnrichTopology.build(TOPICS, 1, settings, TAGGER),
                StreamsConfigs.of("enrich-test", "enrich", KafkaSettings.of("unused:9092"), settings.stateDir(), Map.of()));
    }

    private void pipe(Article article) {
        articles.pipeInput(article.getId(), article);
    }

    private Map<String, EnrichedArticle> latestByKey() {
        return latestByKeyFrom(enriched.readValuesToList());
    }

    private static Map<String, EnrichedArticle> latestByKeyFrom(List<EnrichedArticle> records) {
        return records.stream().collect(Collectors.toMap(e -> e.getArticle().getId(), Function.identity(),
                (older, newer) -> newer, LinkedHashMap::new));
    }

    private static Map<String, String> storiesOf(Map<String, EnrichedArticle> latest) {
        return latest.values().stream().collect(Collectors.toMap(e -> e.getArticle().getCanonicalUrl(),
                EnrichedArticle::getStoryId));
    }
}
