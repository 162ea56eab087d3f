package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.Crawler;
import io.akhbar.ingest.crawl.RawPageSink;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.frontier.KafkaCrawlState;
import io.akhbar.ingest.frontier.KafkaFrontier;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The crawler as a service: URLs flow through the frontier topic (shared by every crawler instance in the consumer
 * group), what it learns of each URL goes to the crawl-state topic, and fetched pages to the raw-pages topic.
 */
public final class CrawlService implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaFrontier frontier;
    private final Crawler crawler;
    private final KafkaClientMetrics producerMetrics;

    public CrawlService(AkhbarConfig config, List<Source> sources, MeterRegistry registry) {
        KafkaSettings kafka = config.kafka();
        producer = new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new ByteArraySerializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        try {
            int partitions = KafkaFrontier.partitionsOf(producer, kafka);
            KafkaCrawlState state = new KafkaCrawlState(producer, kafka, partitions);
            frontier = new KafkaFrontier(producer, state, kafka, config.crawler(), partitions, registry);
            crawler = new Crawler(config.crawler(), sources, rawPages(producer, kafka.topics().rawPages()), registry,
                    state, frontier);
        } catch (RuntimeException e) {
            producerMetrics.close();
            producer.close();
            throw e;
        }
    }

    private static Map<String, Object> producerConfig(KafkaSettings kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "akhbar-crawler");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.LARGE_RECORD_BYTES);
        return config;
    }

    /**
     * A page counts as handed on once the broker has it: only then is its URL recorded as fetched and its frontier
     * entry committed, so a page the broker refused is fetched again rather than lost.
     */
    private static RawPageSink rawPages(Producer<String, byte[]> producer, String topic) {
        return (key, page) -> {
            try {
                producer.send(new ProducerRecord<>(topic, key, AkhbarSerdes.RAW_PAGE.encode(page))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing a page to " + topic, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write page to " + topic + ": " + e.getCause(), e.getCause());
            }
        };
    }

    /** One pass over the sources this instance owns; returns once the frontier has nothing left for it. */
    public CrawlReport crawlOnce() {
        return crawler.crawlOnce();
    }

    /** Re-polls the sources until {@link #close()}. */
    public void runForever() {
        crawler.runForever();
    }

    /** Applies an edited sources file from the next poll on. */
    public void updateSources(List<Source> sources) {
        crawler.updateSources(sources);
    }

    /** Whether the frontier consumer is still running. */
    public boolean isRunning() {
        return frontier.isRunning();
    }

    @Override
    public void close() {
        crawler.close();
        producerMetrics.close();
        producer.close();
    }
}
