package io.akhbar.cli.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AkhbarConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutFileOrEnvironmentEverySectionHasItsDefaults() {
        AkhbarConfig config = AkhbarConfig.load(null, Map.of());
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.sink().indexAlias()).isEqualTo("news");
        assertThat(config.enrich().bands()).isEqualTo(10);
        assertThat(config.crawler().allowPrivateNetworks()).isFalse();
    }

    @Test
    void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("akhbar.yaml"), """
                kafka:
                  bootstrapServers: kafka-1:9092
                  partitions: 6
                crawler:
                  perHostDelay: PT2S
                sink:
                  indexAlias: arabic-news
                  elasticsearchUrl: http://es:9200
                """);
        AkhbarConfig config = AkhbarConfig.load(file, Map.of(
                "AKHBAR_SINK_ELASTICSEARCH_URL", "https://es.internal:9200",
                "AKHBAR_ENRICH_SIMILARITY_THRESHOLD", "0.7",
                "PATH", "/usr/bin"));
        assertThat(config.kafka().partitions()).isEqualTo(6);
        assertThat(config.crawler().perHostDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.sink().indexAlias()).isEqualTo("arabic-news");
        assertThat(config.sink().elasticsearchUrl()).isEqualTo("https://es.internal:9200");
        assertThat(config.sink().kafkaBootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(config.enrich().similarityThreshold()).isEqualTo(0.7);
    }

    @Test
    void secretsComeFromFilesAndAreNeverPrinted() throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), "s3cret\n");
        AkhbarConfig config = AkhbarConfig.load(null, Map.of(
                "AKHBAR_SINK_USERNAME", "akhbar", "AKHBAR_SINK_PASSWORD_FILE", secret.toString()));
        assertThat(config.sink().password()).isEqualTo("s3cret");
        assertThat(config.toYaml()).doesNotContain("s3cret").contains("password: \"***\"");
        assertThat(config.sink().toString()).doesNotContain("s3cret");
    }

    @Test
    void kafkaClientPropertiesComeFromAPropertiesFileAddedToTheYamlAndSecretOnesAreNeverPrinted() throws Exception {
        Path file = Files.writeString(dir.resolve("akhbar.yaml"), """
                kafka:
                  clientProperties: { security.protocol: SASL_SSL, sasl.mechanism: SCRAM-SHA-512 }
                """);
        Path properties = Files.writeString(dir.resolve("kafka.properties"), """
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                  username="akhbar" password="kafka-s3cret";
                ssl.truststore.password=trust-s3cret
                """);
        AkhbarConfig config = AkhbarConfig.load(file, Map.of("AKHBAR_KAFKA_CLIENT_PROPERTIES_FILE", properties.toString()));

        assertThat(config.kafka().clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.password", "trust-s3cret")
                .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat(jaas).contains("password=\"kafka-s3cret\""));
        assertThat(config.toYaml()).doesNotContain("kafka-s3cret").doesNotContain("trust-s3cret")
                .contains("SASL_SSL");
    }

    @Test
    void listsFromTheEnvironmentAreCommaSeparated() {
        AkhbarConfig config = AkhbarConfig.load(null, Map.of("AKHBAR_CRAWLER_ALLOWED_NETWORKS", "10.20.0.0/16, fd00::/8"));
        assertThat(config.crawler().allowedNetworks()).containsExactly("10.20.0.0/16", "fd00::/8");
    }

    @Test
    void anUnknownSettingIsAnErrorThatNamesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("akhbar.yaml"), "sink:\n  indexAlais: news\n");
        assertThatThrownBy(() -> AkhbarConfig.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indexAlais");
        assertThatThrownBy(() -> AkhbarConfig.load(null, Map.of("AKHBAR_SINK_NO_SUCH", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AKHBAR_SINK_NO_SUCH");
    }

    @Test
    void anInvalidValueFailsAtStartUpWithTheSettingsName() {
        assertThatThrownBy(() -> AkhbarConfig.load(null, Map.of("AKHBAR_KAFKA_PARTITIONS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitions");
    }

    @Test
    void theLagIntervalIsASettingOfTheServiceSection() {
        assertThat(AkhbarConfig.load(null, Map.of()).service().lagInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(AkhbarConfig.load(null, Map.of("AKHBAR_SERVICE_LAG_INTERVAL", "PT1S")).service().lagInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> AkhbarConfig.load(null, Map.of("AKHBAR_SERVICE_LAG_INTERVAL", "PT0S")))
                .hasMessageContaining("service.lagInterval");
    }

    @Test
    void bandRetentionShorterThanThreeWindowsIsRefused() {
        assertThat(AkhbarConfig.load(null, Map.of("AKHBAR_ENRICH_BAND_RETENTION", "P30D")).enrich().bandRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> AkhbarConfig.load(null, Map.of("AKHBAR_ENRICH_BAND_RETENTION", "P14D")))
                .hasMessageContaining("enrich.bandRetention").hasMessageContaining("enrich.window");
    }
}
