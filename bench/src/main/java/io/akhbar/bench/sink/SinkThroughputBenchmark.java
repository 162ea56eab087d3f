package io.akhbar.bench.sink;

import io.akhbar.enrich.tag.Tagger;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.StackOptions;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.model.Topics;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.SinkSettings;
import io.akhbar.sink.index.NewsIndex;
import io.akhbar.sink.index.NewsIndices;
import io.akhbar.sink.write.ElasticsearchSink;
import io.akhbar.sink.write.NewsDocuments;
import io.akhbar.sink.write.SinkCounts;
import io.akhbar.sink.write.VersionedDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sink's throughput (enriched topic → Elasticsearch through {@link ElasticsearchSink}) against a raw
 * {@code _bulk} loader (the ceiling: the same documents, prepared in memory, posted back to back), on the same
 * documents and the same Elasticsearch in one run. Target: the sink at 0.8× the ceiling or better.
 *
 * <p>Documents: the ANT corpus of Arabic news, tagged by the real tagger. Each round indexes them into a fresh index
 * once each way; the rounds alternate which goes first, so that neither always meets a warmer Elasticsearch, and a
 * first round warms Elasticsearch and both loaders up without being counted.
 *
 * <pre>bench/run io.akhbar.bench.sink.SinkThroughputBenchmark [--corpus PATH] [--limit N] [--rounds N]</pre>
 */
public final class SinkThroughputBenchmark {
    private static final long SINK_TIMEOUT_MINUTES = 30;

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path corpus = options.corpus != null ? options.corpus : AntCorpus.locate();
        long readStart = System.nanoTime();
        List<EnrichedArticle> articles = AntCorpus.read(corpus, options.limit, Tagger.withBundledData());
        List<VersionedDocument> documents = articles.stream().map(NewsDocuments::prepare).toList();
        long jsonBytes = documents.stream().mapToLong(d -> d.json().length).sum();
        System.out.printf("%,d documents (%,.1f MB of JSON) from %s, read and tagged in %.1f s%n", documents.size(),
                jsonBytes / 1e6, corpus, (System.nanoTime() - readStart) / 1e9);

        Path workDir = Files.createTempDirectory("akhbar-bench-sink-");
        try (Stack stack = Stacks.start(StackOptions.defaults(workDir).deletingDataOnClose())) {
            KafkaSettings kafka = KafkaSettings.of(stack.kafkaBootstrapServers()).withTopicPrefix("bench.");
            TopicSetup.ensure(kafka);
            produce(kafka.topics(), kafka, articles);
            SinkSettings base = SinkSettings.defaults()
                    .withElasticsearchUrl(stack.elasticsearchUrl())
                    .withKafkaBootstrapServers(stack.kafkaBootstrapServers());
            RawBulkLoader raw = new RawBulkLoader(documents, base.bulkMaxDocs(), base.bulkMaxBytes());
            System.out.printf("bulk requests of at most %d documents or %,d bytes: %d requests%n%n", base.bulkMaxDocs(),
                    base.bulkMaxBytes(), raw.requests());

            List<Double> rawSeconds = new ArrayList<>();
            List<Double> sinkSeconds = new ArrayList<>();
            for (int round = 0; round <= options.rounds; round++) {
                SinkSettings rawSettings = base.withIndex("bench-raw-" + round, "bench-raw-" + round + "-");
                SinkSettings sinkSettings = base.withIndex("bench-sink-" + round, "bench-sink-" + round + "-")
                        .withConsumerGroup("bench-sink-" + round);
                double rawTime;
                double sinkTime;
                if (round % 2 == 0) {
                    rawTime = runRaw(raw, rawSettings, documents.size(), round);
                    sinkTime = runSink(sinkSettings, kafka.topics(), documents.size(), round);
                } else {
                    sinkTime = runSink(sinkSettings, kafka.topics(), documents.size(), round);
                    rawTime = runRaw(raw, rawSettings, documents.size(), round);
                }
                if (round > 0) {
                    rawSeconds.add(rawTime);
                    sinkSeconds.add(sinkTime);
                }
            }
            double rawRate = options.rounds * documents.size() / rawSeconds.stream().mapToDouble(Double::doubleValue).sum();
            double sinkRate = options.rounds * documents.size() / sinkSeconds.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("%nover %d rounds after the warm-up (round 0): raw _bulk %,.0f docs/s, sink %,.0f docs/s:"
                    + " sink/raw = %.2f (target >= 0.80)%n", options.rounds, rawRate, sinkRate, sinkRate / rawRate);
        }
    }

    private static void produce(Topics topics, KafkaSettings kafka, List<EnrichedArticle> articles) throws Exception {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle article : articles) {
                producer.send(new ProducerRecord<>(topics.enriched(), article.getArticle().getId(),
                        AkhbarSerdes.ENRICHED_ARTICLE.encode(article)));
            }
            producer.flush();
        }
    }

    private static double runRaw(RawBulkLoader raw, SinkSettings settings, int expected, int round) throws Exception {
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(settings)) {
            new NewsIndex(elasticsearch.client(), settings).ensure();
            long start = System.nanoTime();
            raw.load(elasticsearch.client(), settings.indexAlias());
            double seconds = (System.nanoTime() - start) / 1e9;
            verifyAndDrop(elasticsearch, settings, expected);
            return report(round, "raw _bulk", expected, seconds);
        }
    }

    private static double runSink(SinkSettings settings, Topics topics, int expected, int round) throws Exception {
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(settings)) {
            // Created beforehand, as for the raw loader: creating an index is not what is measured.
            new NewsIndex(elasticsearch.client(), settings).ensure();
        }
        long start = System.nanoTime();
        ElasticsearchSink sink = new ElasticsearchSink(settings, topics, new SimpleMeterRegistry());
        Thread loop = new Thread(sink::run, "bench-sink");
        loop.start();
        long deadline = start + TimeUnit.MINUTES.toNanos(SINK_TIMEOUT_MINUTES);
        SinkCounts counts = sink.counts();
        while (counts.total() < expected) {
            if (System.nanoTime() > deadline || !loop.isAlive()) {
                sink.close();
                throw new IllegalStateException("the sink settled " + counts + " of " + expected + " documents");
            }
            Thread.sleep(5);
            counts = sink.counts();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink.close();
        loop.join();
        if (counts.indexed() != expected) {
            throw new IllegalStateException("the sink indexed " + counts + " instead of " + expected + " documents");
        }
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(settings)) {
            verifyAndDrop(elasticsearch, settings, expected);
        }
        return report(round, "sink", expected, seconds);
    }

    private static void verifyAndDrop(ElasticsearchConnection elasticsearch, SinkSettings settings, int expected)
            throws Exception {
        NewsIndices indices = new NewsIndices(elasticsearch.client(), settings);
        long count = indices.count(settings.indexAlias());
        if (count != expected) {
            throw new IllegalStateException(settings.indexAlias() + " has " + count + " documents, not " + expected);
        }
        indices.delete(indices.behind(settings.indexAlias()));
    }

    /** Prints one load's figure; returns its duration in seconds. */
    private static double report(int round, String loader, int documents, double seconds) {
        System.out.printf("round %d%s  %-9s  %,d documents in %6.2f s  %,8.0f docs/s%n", round,
                round == 0 ? " (warm-up)" : "", loader, documents, seconds, documents / seconds);
        return seconds;
    }

    private record Options(Path corpus, int limit, int rounds) {
        static Options parse(String[] args) {
            Path corpus = null;
            int limit = Integer.MAX_VALUE;
            int rounds = 2;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--corpus" -> corpus = Path.of(args[++i]);
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: [--corpus PATH] [--limit N] [--rounds N]");
                }
            }
            return new Options(corpus, limit, rounds);
        }
    }
}
