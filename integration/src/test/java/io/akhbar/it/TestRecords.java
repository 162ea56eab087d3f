package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.ExtractionInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;

/** Articles and enriched articles made up for a test, and producing and reading them on the real broker. */
final class TestRecords {
    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private TestRecords() {
    }

    /** An article whose text is its own (words drawn from {@code seed}), so that no two seeds make one story. */
    static Article article(int seed, Instant published) {
        Random random = new Random(seed);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                paragraph.append(w == 0 ? "" : " ").append(word(random));
            }
            paragraphs.add(paragraph + ".");
        }
        return article("https://example.com/news/" + seed, "خبر رقم " + seed + " " + word(random), paragraphs, published);
    }

    /** The same text as {@code original} under another outlet's URL: a republished copy. */
    static Article copyOf(Article original, String url) {
        return article(url, original.getTitle(), original.getParagraphs(), original.getPublishedAt().plusSeconds(600));
    }

    static Article article(String url, String title, List<String> paragraphs, Instant published) {
        return Article.newBuilder()
                .setId(ArticleKeys.of(url))
                .setCanonicalUrl(url)
                .setUrl(url)
                .setSite(java.net.URI.create(url).getHost())
                .setTitle(title)
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .setParagraphs(paragraphs)
                .setLang("ar")
                .setExtraction(new ExtractionInfo("test", "generic", List.of(), 1.0))
                .build();
    }

    static EnrichedArticle enriched(Article article, long documentVersion) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint("f-" + article.getId() + "-" + documentVersion)
                .setContentVersion(1)
                .setDocumentVersion(documentVersion)
                .setStoryId(article.getId())
                .setWordCount(120)
                .setTaggerVersion(1)
                .build();
    }

    static void produce(AkhbarConfig config, String topic, List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> settings = config.kafka().clientConfig();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce to " + topic, e.getCause());
        }
    }

    static void produceEnriched(AkhbarConfig config, List<EnrichedArticle> articles, Instant timestamp) {
        String topic = config.kafka().topics().enriched();
        produce(config, topic, articles.stream().map(a -> new ProducerRecord<>(topic, null, timestamp.toEpochMilli(),
                a.getArticle().getId(), AkhbarSerdes.ENRICHED_ARTICLE.encode(a))).toList());
    }

    static void produceArticles(AkhbarConfig config, List<Article> articles) {
        String topic = config.kafka().topics().articles();
        produce(config, topic, articles.stream().map(a -> new ProducerRecord<>(topic, a.getId(),
                AkhbarSerdes.ARTICLE.encode(a))).toList());
    }

    /** Offsets written to the topic so far, committed or not, over all its partitions. */
    static long writtenOffsets(AkhbarConfig config, String topic) {
        Map<String, Object> settings = config.kafka().clientConfig();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every committed record the topic holds now. */
    static List<ConsumerRecord<String, byte[]>> readAll(AkhbarConfig config, String topic) {
        Map<String, Object> settings = config.kafka().clientConfig();
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 3 + random.nextInt(4); i > 0; i--) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }
}
