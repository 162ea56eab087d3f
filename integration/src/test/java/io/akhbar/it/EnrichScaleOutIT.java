package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.enrich.StoryFixtures;
import io.akhbar.enrich.StoryFixtures.Republish;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.TopicSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static io.akhbar.enrich.StoryFixtures.FIRST_PUBLISHED;
import static io.akhbar.enrich.StoryFixtures.article;
import static io.akhbar.enrich.StoryFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrich stream on the real broker decides the same stories with one instance as with two instances of the
 * application (same application id, own state directories, the partitions shared between them), and with the
 * input in another order. The articles are keyed by URL, so a story's members sit in different partitions. An
 * instance that starts without local state rebuilds it from Kafka and carries on where the last one stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichScaleOutIT {
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @TempDir
    Path workDir;
    private final Stack stack = Stacks.shared();
    private final List<Article> input = new ArrayList<>();
    private final Map<String, String> truth = new HashMap<>();

    @BeforeAll
    void buildInput() {
        for (int s = 0; s < StoryFixtures.SEEDS; s++) {
            Article original = article("https://origin.example/" + s, seed(s), FIRST_PUBLISHED.plusSeconds(s * 60L));
            input.add(original);
            truth.put(original.getId(), original.getId());
            for (Republish change : Republish.values()) {
                Article copy = article("https://" + change.name().toLowerCase().replace('_', '-') + ".example/" + s,
                        change.apply(seed(s)), FIRST_PUBLISHED.plusSeconds(3600 + s * 60L + change.ordinal()));
                input.add(copy);
                truth.put(copy.getId(), original.getId());
            }
        }
    }

    @Test
    void twoInstancesAndAShuffledInputGiveTheStoriesOfOneInstance() throws Exception {
        Map<String, String> single = run("single", input, 1);
        assertThat(single).as("one instance finds the labelled stories").isEqualTo(truth);

        Map<String, String> two = run("two", input, 2);
        assertThat(two).as("two instances").isEqualTo(single);

        List<Article> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(42));
        Map<String, String> twoShuffled = run("two-shuffled", shuffled, 2);
        assertThat(twoShuffled).as("two instances, shuffled input").isEqualTo(single);
    }

    /**
     * An instance that starts without local state (a new machine, or the state of a crashed one discarded) reads it
     * back before it processes anything: the story state from its changelogs, and the articles as they came in from
     * the articles topic itself. The copies it saw before are emitted again, whole, when their earlier original
     * arrives after the restart.
     */
    @Test
    void anInstanceStartedWithoutLocalStateReEmitsArticlesItReceivedBefore() throws Exception {
        AkhbarConfig config = TestPipelines.config(stack, workDir.resolve("restored"));
        TopicSetup.ensure(config.kafka());
        List<Article> originals = new ArrayList<>();
        List<Article> copies = new ArrayList<>();
        for (int s = 0; s < StoryFixtures.SEEDS; s++) {
            Article original = article("https://origin.example/restored/" + s, seed(s), FIRST_PUBLISHED.plusSeconds(s * 60L));
            Article copy = article("https://agency.example/restored/" + s, Republish.AGENCY_EDIT.apply(seed(s)),
                    FIRST_PUBLISHED.plusSeconds(3600 + s * 60L));
            originals.add(original);
            copies.add(copy);
        }
        Set<String> copyIds = new HashSet<>(copies.stream().map(Article::getId).toList());
        try (KafkaConsumer<String, EnrichedArticle> output = outputConsumer(config)) {
            Map<String, EnrichedArticle> latest = new HashMap<>();
            try (EnrichService before = new EnrichService(config.withEnrich(
                    config.enrich().withStateDir(workDir.resolve("restored-state-before")))).start()) {
                awaitRunningWithTasks(List.of(before));
                produce(config, copies);
                awaitLatest(output, latest, copyIds, copy -> copy.getStoryId().equals(copy.getArticle().getId()));
            }
            Map<String, Long> firstVersions = new HashMap<>();
            latest.forEach((id, first) -> firstVersions.put(id, first.getDocumentVersion()));
            try (EnrichService after = new EnrichService(config.withEnrich(
                    config.enrich().withStateDir(workDir.resolve("restored-state-after")))).start()) {
                awaitRunningWithTasks(List.of(after));
                produce(config, originals);
                awaitLatest(output, latest, copyIds, copy -> !copy.getStoryId().equals(copy.getArticle().getId()));
            }
            for (int s = 0; s < originals.size(); s++) {
                EnrichedArticle reEmitted = latest.get(copies.get(s).getId());
                assertThat(reEmitted.getStoryId()).isEqualTo(originals.get(s).getId());
                assertThat(reEmitted.getArticle()).as("the article as it came in, before the restart")
                        .isEqualTo(copies.get(s));
                assertThat(reEmitted.getDocumentVersion()).isGreaterThan(firstVersions.get(copies.get(s).getId()));
            }
        }
    }

    /** Reads the enriched topic into {@code latest} until each of {@code keys} has a latest record that passes. */
    private static void awaitLatest(KafkaConsumer<String, EnrichedArticle> output, Map<String, EnrichedArticle> latest,
                                    Set<String> keys, Predicate<EnrichedArticle> condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, EnrichedArticle> record : output.poll(Duration.ofMillis(200))) {
                latest.put(record.key(), record.value());
            }
            if (keys.stream().allMatch(key -> latest.containsKey(key) && condition.test(latest.get(key)))) {
                return;
            }
        }
        throw new AssertionError("not every article's latest record passed within " + SETTLE + ": " + keys.stream()
                .map(key -> key + " -> " + (latest.containsKey(key) ? latest.get(key).getStoryId() : "nothing")).toList());
    }

    /** Runs the enrich service in {@code instances} instances over the input; returns each article's final story. */
    private Map<String, String> run(String name, List<Article> articles, int instances) throws Exception {
        AkhbarConfig config = TestPipelines.config(stack, workDir.resolve(name));
        TopicSetup.ensure(config.kafka());
        List<EnrichService> services = new ArrayList<>();
        try (KafkaConsumer<String, EnrichedArticle> output = outputConsumer(config)) {
            for (int i = 0; i < instances; i++) {
                AkhbarConfig instance = config.withEnrich(config.enrich().withStateDir(workDir.resolve(name + "-state-" + i)));
                services.add(new EnrichService(instance).start());
            }
            awaitRunningWithTasks(services);
            assertThat(produce(config, articles)).as("input partitions").hasSize(config.kafka().partitions());
            return awaitStories(output, truth.keySet().size());
        } finally {
            services.forEach(EnrichService::close);
        }
    }

    private static void awaitRunningWithTasks(List<EnrichService> services) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = services.stream().allMatch(s -> s.runner().state() == KafkaStreams.State.RUNNING
                    && s.runner().streams().metadataForLocalThreads().stream()
                    .mapToInt(t -> t.activeTasks().size()).sum() > 0);
            if (ready) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the enrich instances did not all get tasks within " + SETTLE + ": "
                + services.stream().map(s -> s.runner().state() + " "
                + s.runner().streams().metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks).toList()).toList());
    }

    /** Produces the articles keyed by article id; returns the partitions they went to. */
    private static Set<Integer> produce(AkhbarConfig config, List<Article> articles) throws ExecutionException, InterruptedException {
        Set<Integer> partitions = new HashSet<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config.kafka().clientConfig(),
                new StringSerializer(), AkhbarSerdes.ARTICLE.serializer())) {
            for (Article article : articles) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(config.kafka().topics().articles(),
                        article.getId(), article)).get();
                partitions.add(sent.partition());
            }
        }
        return partitions;
    }

    /**
     * Reads the enriched topic until every article has a story and no update has come for a while: later
     * updates (an article learning an earlier member) would show within that quiet time.
     */
    private static Map<String, String> awaitStories(KafkaConsumer<String, EnrichedArticle> output, int articles) {
        Map<String, String> stories = new HashMap<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long lastUpdate = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, EnrichedArticle> record : output.poll(Duration.ofMillis(200))) {
                stories.put(record.key(), record.value().getStoryId());
                lastUpdate = System.nanoTime();
            }
            if (stories.size() == articles && System.nanoTime() - lastUpdate > Duration.ofSeconds(5).toNanos()) {
                return stories;
            }
        }
        throw new AssertionError("stories of " + stories.size() + " of " + articles + " articles within " + SETTLE);
    }

    private static KafkaConsumer<String, EnrichedArticle> outputConsumer(AkhbarConfig config) {
        Map<String, Object> consumer = new HashMap<>(config.kafka().clientConfig());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, config.kafka().topicPrefix() + "scale-out-reader");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, EnrichedArticle> reader = new KafkaConsumer<>(consumer, new StringDeserializer(),
                AkhbarSerdes.ENRICHED_ARTICLE.deserializer());
        reader.subscribe(List.of(config.kafka().topics().enriched()));
        return reader;
    }
}
