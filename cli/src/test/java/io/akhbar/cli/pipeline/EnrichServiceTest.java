package io.akhbar.cli.pipeline;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.model.KafkaSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichServiceTest {
    private static final String MAIN_CONSUMER_POLL_INTERVAL = StreamsConfig.mainConsumerPrefix("max.poll.interval.ms");

    @Test
    void aStreamThreadMayRebuildBandBucketsForHalfAnHourWithoutBeingTakenForDead() {
        Properties config = EnrichService.streamsConfig(AkhbarConfig.defaults());

        assertThat(config.get(MAIN_CONSUMER_POLL_INTERVAL)).isEqualTo(30 * 60 * 1000);
    }

    @Test
    void aPollIntervalInTheClientPropertiesIsLeftAsGiven() {
        for (String name : new String[] {"max.poll.interval.ms", "consumer.max.poll.interval.ms",
                MAIN_CONSUMER_POLL_INTERVAL}) {
            Properties config = EnrichService.streamsConfig(withClientProperties(Map.of(name, "600000")));

            assertThat(config.get(name)).isEqualTo("600000");
            assertThat(config).doesNotContainEntry(MAIN_CONSUMER_POLL_INTERVAL, 30 * 60 * 1000);
        }
    }

    private static AkhbarConfig withClientProperties(Map<String, String> clientProperties) {
        AkhbarConfig defaults = AkhbarConfig.defaults();
        KafkaSettings kafka = defaults.kafka();
        return new AkhbarConfig(new KafkaSettings(kafka.bootstrapServers(), kafka.topicPrefix(), kafka.partitions(),
                kafka.bandPartitions(), kafka.replicationFactor(), clientProperties), defaults.crawler(),
                defaults.enrich(), defaults.sink(), defaults.service());
    }
}
