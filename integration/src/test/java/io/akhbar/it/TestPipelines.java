package io.akhbar.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.config.ServiceSettings;
import io.akhbar.localstack.Stack;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.KafkaSettings;
import io.akhbar.sink.SinkSettings;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Settings for one test's own topics, consumer groups and index on the shared servers. */
final class TestPipelines {
    private TestPipelines() {
    }

    static AkhbarConfig config(Stack stack, Path workDir) {
        String run = "t" + UUID.randomUUID().toString().substring(0, 8);
        SinkSettings sink = SinkSettings.defaults()
                .withElasticsearchUrl(stack.elasticsearchUrl())
                .withIndex(run + "-news", run + "-idx-")
                .withBulk(500, 5L * 1024 * 1024, Duration.ofMillis(200));
        AkhbarConfig defaults = AkhbarConfig.defaults();
        return defaults
                .withKafka(KafkaSettings.of(stack.kafkaBootstrapServers()).withTopicPrefix(run + "."))
                .withCrawler(defaults.crawler().toBuilder().allowPrivateNetworks(true).perHostDelay(Duration.ofMillis(20)).build())
                .withEnrich(defaults.enrich().withStateDir(workDir.resolve("streams")))
                .withSink(sink)
                .withService(new ServiceSettings("127.0.0.1", 0, Path.of("unused.yaml"), workDir));
    }

    /** Every record of the dead-letter topic, committed ones only, read to the end. */
    static List<DeadLetter> deadLetters(AkhbarConfig config) {
        Map<String, Object> consumerConfig = config.kafka().clientConfig();
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.kafka().topics().deadLetters()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("dead letters not read to the end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> letters.add(AkhbarSerdes.DEAD_LETTER.decode(record.value())));
            }
            return letters;
        }
    }

    static List<Map<String, Object>> allDocuments(ElasticsearchClient client, String alias) throws IOException {
        return allDocuments(client, alias, 1000);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> allDocuments(ElasticsearchClient client, String alias, int atMost) throws IOException {
        client.indices().refresh(r -> r.index(alias));
        return client.search(s -> s.index(alias).size(atMost), Map.class).hits().hits().stream()
                .map(Hit::source).map(source -> (Map<String, Object>) source).toList();
    }
}
