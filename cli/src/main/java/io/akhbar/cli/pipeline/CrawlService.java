package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.Crawler;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.RawPage;
import io.akhbar.model.TopicSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** The crawler, writing every fetched page to the raw-pages topic. */
public final class CrawlService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrawlService.class);

    private final KafkaProducer<String, RawPage> producer;
    private final Crawler crawler;
    private final Counter produceFailures;
    private final KafkaClientMetrics producerMetrics;

    public CrawlService(AkhbarConfig config, List<Source> sources, MeterRegistry registry) {
        Map<String, Object> producerConfig = config.kafka().clientConfig();
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, config.kafka().topicPrefix() + "akhbar-crawler");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.LARGE_RECORD_BYTES);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), AkhbarSerdes.RAW_PAGE.serializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        produceFailures = registry.counter("akhbar.crawl.produce.failures");
        String topic = config.kafka().topics().rawPages();
        crawler = new Crawler(config.crawler(), sources, (key, page) ->
                producer.send(new ProducerRecord<>(topic, key, page), (metadata, error) -> {
                    if (error != null) {
                        produceFailures.increment();
                        log.error("cannot write page to {}: url={} key={}: {}", topic, page.getFinalUrl(), key, error.toString());
                    }
                }), registry);
    }

    /** One pass over every source; returns once every page it fetched is in Kafka. */
    public CrawlReport crawlOnce() {
        CrawlReport report = crawler.crawlOnce();
        producer.flush();
        return report;
    }

    /** Re-polls the sources until {@link #close()}. */
    public void runForever() {
        crawler.runForever();
    }

    @Override
    public void close() {
        crawler.close();
        producerMetrics.close();
        producer.close();
    }
}
