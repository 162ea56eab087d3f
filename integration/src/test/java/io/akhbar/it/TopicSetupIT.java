package io.akhbar.it;

import io.akhbar.localstack.Stacks;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer that writes to the topics as soon as {@link TopicSetup#ensure} returns loses nothing. Before ensure
 * waited for the broker to serve every partition, the first batch to a partition could be refused while later ones
 * were taken, and the first one's retry was then refused as out of order until the delivery timeout: one fresh topic
 * in ten on the one-node broker, a crawler's page or a benchmark's load failing after two minutes.
 */
class TopicSetupIT {
    private static final int ROUNDS = 30;
    private static final int RECORDS = 2_000;

    @Test
    void aProducerWritingAtOnceLosesNothing() {
        String bootstrap = Stacks.shared().kafkaBootstrapServers();
        byte[] value = new byte[2_000];
        try (Admin admin = Admin.create(KafkaSettings.of(bootstrap).clientConfig())) {
            for (int round = 0; round < ROUNDS; round++) {
                KafkaSettings kafka = KafkaSettings.of(bootstrap).withTopicPrefix("t" + UUID.randomUUID() + ".");
                TopicSetup.ensure(admin, kafka);
                ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(kafka),
                        new StringSerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < RECORDS; i++) {
                        producer.send(new ProducerRecord<>(kafka.topics().rawPages(), "key-" + i, value), (sent, error) -> {
                            if (error != null) {
                                failures.add(error);
                            }
                        });
                    }
                    producer.flush();
                }
                assertThat(List.copyOf(failures)).as("failed sends in round %d", round).isEmpty();
            }
        }
    }

    /** Short timeouts, so that a batch the broker keeps refusing fails the test in seconds rather than minutes. */
    private static Map<String, Object> producerConfig(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }
}
