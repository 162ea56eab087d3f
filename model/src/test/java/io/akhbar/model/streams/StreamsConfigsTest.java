package io.akhbar.model.streams;

import io.akhbar.model.KafkaSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsConfigsTest {

    @ParameterizedTest(name = "client properties {0} give producer.batch.size {1} and batch.size {2}")
    @CsvSource(nullValues = "none", value = {
            "'',                         262144, none",
            "batch.size=65536,           none,   65536",
            "producer.batch.size=32768,  32768,  none",
    })
    void theProducerBatchSizeIsOursUnlessTheClientPropertiesGiveOne(String clientProperties, String prefixed,
                                                                     String plain) {
        Map<String, String> properties = clientProperties.isEmpty() ? Map.of()
                : Map.of(clientProperties.split("=")[0], clientProperties.split("=")[1]);
        KafkaSettings kafka = new KafkaSettings("localhost:9092", "", 3, 1, (short) 1, properties);

        Properties config = StreamsConfigs.of("app", "enrich", kafka, Path.of("state"), Map.of());

        assertThat(String.valueOf(config.get("producer.batch.size"))).isEqualTo(String.valueOf(prefixed));
        assertThat(String.valueOf(config.get("batch.size"))).isEqualTo(String.valueOf(plain));
        assertThat(config.get("producer.compression.type")).isEqualTo("lz4");
    }
}
