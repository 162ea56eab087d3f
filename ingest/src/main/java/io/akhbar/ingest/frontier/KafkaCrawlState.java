package io.akhbar.ingest.frontier;

import io.akhbar.ingest.crawl.CrawlStateStore;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.CrawlState;
import io.akhbar.model.KafkaSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl state kept in Kafka: a compacted topic with the latest {@link CrawlState} of each canonical URL, in the
 * partition of its host. An instance holds in memory the state of the partitions it owns, read from the topic when
 * they are handed to it, and writes every change through to the topic, so that the next owner (after a restart or
 * a rebalance) knows what was fetched.
 */
public final class KafkaCrawlState implements CrawlStateStore {
    private static final Logger log = LoggerFactory.getLogger(KafkaCrawlState.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final int partitions;
    private final Map<String, Object> readerConfig;
    private final Map<Integer, Map<String, CrawlState>> byPartition = new ConcurrentHashMap<>();
    private final AtomicLong writeFailures = new AtomicLong();

    /**
     * @param producer shared with the frontier; flushing it makes the state written so far durable
     * @param partitions the frontier topic's partition count, which the state topic must have too
     */
    public KafkaCrawlState(Producer<String, byte[]> producer, KafkaSettings kafka, int partitions) {
        this.producer = producer;
        this.topic = kafka.topics().crawlState();
        this.partitions = partitions;
        int statePartitions = producer.partitionsFor(topic).size();
        if (statePartitions != partitions) {
            throw new IllegalStateException(topic + " has " + statePartitions + " partitions and the frontier "
                    + partitions + ": the crawl state of a host must sit in the partition of the same number; "
                    + "give both topics the same partition count");
        }
        this.readerConfig = kafka.clientConfig();
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Override
    public Optional<CrawlState> get(String url) {
        Map<String, CrawlState> partition = byPartition.get(HostPartitions.ofUrl(url, partitions));
        return partition == null ? Optional.empty() : Optional.ofNullable(partition.get(url));
    }

    @Override
    public void put(CrawlState state) {
        int partition = HostPartitions.ofUrl(state.getUrl(), partitions);
        byPartition.computeIfAbsent(partition, number -> new ConcurrentHashMap<>()).put(state.getUrl(), state);
        producer.send(new ProducerRecord<>(topic, partition, state.getUrl(), AkhbarSerdes.CRAWL_STATE.encode(state)),
                (metadata, error) -> {
                    if (error != null) {
                        writeFailures.incrementAndGet();
                        log.error("cannot store crawl state of {} in {}: {}", state.getUrl(), topic, error.toString());
                    }
                });
    }

    /** Reads the state of these partitions from the topic, replacing what was held of them; returns the URLs read. */
    public int load(Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return 0;
        }
        List<TopicPartition> assigned = numbers.stream().map(number -> new TopicPartition(topic, number)).toList();
        Map<Integer, Map<String, CrawlState>> loaded = new ConcurrentHashMap<>();
        numbers.forEach(number -> loaded.put(number, new ConcurrentHashMap<>()));
        try (KafkaConsumer<String, byte[]> reader =
                     new KafkaConsumer<>(readerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(assigned);
            reader.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = reader.endOffsets(assigned);
            while (assigned.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    Map<String, CrawlState> states = loaded.get(record.partition());
                    if (record.value() == null) {
                        states.remove(record.key());
                        continue;
                    }
                    try {
                        states.put(record.key(), AkhbarSerdes.CRAWL_STATE.decode(record.value()));
                    } catch (SerializationException e) {
                        log.warn("unreadable crawl state of {} at {}-{}@{} ignored: {}", record.key(), topic,
                                record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
        }
        byPartition.putAll(loaded);
        return loaded.values().stream().mapToInt(Map::size).sum();
    }

    /** Forgets the state of partitions handed to another instance. */
    public void unload(Collection<Integer> numbers) {
        numbers.forEach(byPartition::remove);
    }

    /** URLs whose state this instance holds. */
    public int size() {
        return byPartition.values().stream().mapToInt(Map::size).sum();
    }

    /** State records the broker refused since the start; each such URL may be fetched again after a restart. */
    public long writeFailures() {
        return writeFailures.get();
    }
}
