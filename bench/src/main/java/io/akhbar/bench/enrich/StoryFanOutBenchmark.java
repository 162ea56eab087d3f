package io.akhbar.bench.enrich;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.ExtractionInfo;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.Topics;
import io.akhbar.model.streams.StreamsConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How the enrich topology's work grows with the size of a story: N copies of one text under N outlets (a story
 * carried by N outlets, arriving in shuffled order) beside N different texts (N stories of one article), on the
 * test driver with in-memory stores. Prints the records written to the story-replies topic (band replies and story
 * messages) and the CPU time of the processing, per article. One story carried by every outlet of a large
 * deployment is what an agency wire story looks like.
 *
 * <p>Usage: {@code StoryFanOutBenchmark [N...]} (default 10 25 50 100 200).
 */
public final class StoryFanOutBenchmark {
    private static final String WORDS = "قال أكد الرئيس الوزير الحكومة المحادثات الاتصال الهاتفي الوضع الأمني "
            + "المنطقة الحدود التصعيد الاتفاق المرحلة المقبلة الجانبين الدعم السياسي الاقتصادي العلاقات الثنائية "
            + "البلدين المسؤولين الاجتماع القمة البيان الرسمي الأطراف المعنية التطورات الأخيرة الجهود الدولية";
    private static final Instant PUBLISHED = Instant.parse("2026-01-05T08:00:00Z");

    private StoryFanOutBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 25, 50, 100, 200);
        }
        Tagger tagger = Tagger.withBundledData();
        run(List.of(copies(20, 7)), tagger);
        System.out.printf("%6s  %-26s %14s %16s %18s %16s%n", "N", "articles", "replies", "replies/article",
                "emissions/article", "CPU ms/article");
        for (int n : sizes) {
            print(n, "one story, N outlets", run(List.of(copies(n, 7)), tagger));
            print(n, "N different stories", run(distinct(n), tagger));
        }
    }

    private record Outcome(int articles, long replies, long emissions, long cpuNanos) {
    }

    private static void print(int n, String what, Outcome outcome) {
        System.out.printf("%6d  %-26s %,14d %16.1f %18.1f %16.2f%n", n, what, outcome.replies(),
                (double) outcome.replies() / outcome.articles(), (double) outcome.emissions() / outcome.articles(),
                outcome.cpuNanos() / 1e6 / outcome.articles());
    }

    private static Outcome run(List<List<Article>> groups, Tagger tagger) throws IOException {
        List<Article> arrivals = new ArrayList<>();
        groups.forEach(arrivals::addAll);
        Collections.shuffle(arrivals, new Random(42));
        Path stateDir = Files.createTempDirectory("akhbar-bench-fanout");
        Topics topics = Topics.DEFAULT;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(topics, 1,
                EnrichSettings.defaults().withStateDir(stateDir), tagger, EnrichTopology.StoreKind.IN_MEMORY),
                StreamsConfigs.of("bench-fanout", "enrich", KafkaSettings.of("offline:0"), stateDir, Map.of()))) {
            TestInputTopic<String, Article> in = driver.createInputTopic(topics.articles(),
                    AkhbarSerdes.KEY.serializer(), AkhbarSerdes.ARTICLE.serializer());
            TestOutputTopic<String, byte[]> replies = driver.createOutputTopic(topics.storyReplies(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> enriched = driver.createOutputTopic(topics.enriched(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            long replyCount = 0;
            long emissions = 0;
            long started = cpu.getCurrentThreadCpuTime();
            for (Article article : arrivals) {
                in.pipeInput(article.getId(), article);
                replyCount += replies.readRecordsToList().size();
                emissions += enriched.readRecordsToList().size();
            }
            return new Outcome(arrivals.size(), replyCount, emissions, cpu.getCurrentThreadCpuTime() - started);
        } finally {
            OfflineEnrich.delete(stateDir);
        }
    }

    private static List<Article> copies(int outlets, long textSeed) {
        List<String> paragraphs = paragraphs(textSeed);
        List<Article> copies = new ArrayList<>();
        for (int outlet = 0; outlet < outlets; outlet++) {
            List<String> withDateline = new ArrayList<>(paragraphs);
            withDateline.set(0, "(المنفذ " + outlet + ") " + paragraphs.get(0));
            copies.add(article("https://outlet" + outlet + ".example/story-" + textSeed, withDateline,
                    PUBLISHED.plusSeconds(60L * outlet)));
        }
        return copies;
    }

    private static List<List<Article>> distinct(int n) {
        List<List<Article>> stories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stories.add(copies(1, 1000 + i));
        }
        return stories;
    }

    private static List<String> paragraphs(long seed) {
        String[] words = WORDS.split(" ");
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                paragraph.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            paragraphs.add(paragraph.append('.').toString());
        }
        return paragraphs;
    }

    private static Article article(String url, List<String> paragraphs, Instant published) {
        return Article.newBuilder()
                .setId(ArticleKeys.of(url))
                .setCanonicalUrl(url)
                .setUrl(url)
                .setSite(java.net.URI.create(url).getHost())
                .setTitle(paragraphs.get(0).substring(0, 40))
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .setParagraphs(paragraphs)
                .setLang("ar")
                .setExtraction(new ExtractionInfo("bench", "generic", List.of(), 1.0))
                .build();
    }
}
