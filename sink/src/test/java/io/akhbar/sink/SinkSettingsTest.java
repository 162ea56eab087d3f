package io.akhbar.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkSettingsTest {
    private final SinkSettings defaults = SinkSettings.defaults();

    @Test
    void defaultsAreValid() {
        assertThat(defaults.validate()).isSameAs(defaults);
        assertThat(defaults.indexAlias()).isEqualTo("news");
        assertThat(defaults.initialIndex()).isEqualTo("news-000001");
        assertThat(defaults.templatePattern()).isEqualTo("news-*");
        assertThat(defaults.consumerGroup()).isEqualTo("akhbar-sink");
    }

    @Test
    void namesEveryInvalidSetting() {
        SinkSettings invalid = defaults
                .withElasticsearchUrl("ftp://es")
                .withBulk(0, 10, Duration.ZERO)
                .withRetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                .withConsumerGroup(" ");

        assertThatThrownBy(invalid::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elasticsearchUrl must be an http(s) URL")
                .hasMessageContaining("bulkMaxDocs must be in 1..100000, got 0")
                .hasMessageContaining("bulkMaxBytes must be in 1 KiB..50 MiB")
                .hasMessageContaining("bulkFlushInterval must be positive")
                .hasMessageContaining("retryMaxBackoff must be at least retryBaseBackoff")
                .hasMessageContaining("consumerGroup is required");
    }

    @Test
    void theAliasMustBeAnIndexNameOutsideTheTemplatePattern() {
        assertThatThrownBy(() -> defaults.withIndex("News", "news-").validate())
                .hasMessageContaining("indexAlias must be a lower-case index name");
        assertThatThrownBy(() -> defaults.withIndex("news-live", "news-").validate())
                .hasMessageContaining("must not match the template pattern news-*");
    }

    @Test
    void credentialsAreEitherAnApiKeyOrAUserWithPassword() {
        assertThat(defaults.withApiKey("a2V5").validate().apiKey()).isEqualTo("a2V5");
        assertThat(defaults.withBasicAuth("elastic", "secret").validate().username()).isEqualTo("elastic");
        assertThatThrownBy(() -> defaults.withBasicAuth("elastic", null).validate())
                .hasMessageContaining("username and password go together");
        SinkSettings both = new SinkSettings(defaults.elasticsearchUrl(), defaults.kafkaBootstrapServers(),
                defaults.indexAlias(), defaults.indexPrefix(), 0, 10, 4096, Duration.ofSeconds(1), Duration.ofMillis(1),
                Duration.ofMillis(2), "g", Duration.ofMillis(1), Duration.ZERO, "key", "user", "pw", null);
        assertThatThrownBy(both::validate).hasMessageContaining("not both");
        assertThatThrownBy(() -> defaults.withElasticsearchUrl("http://elastic:secret@localhost:9200").validate())
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aCaCertificateIsAReadableFileForAnHttpsUrl(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("http_ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        SinkSettings https = defaults.withElasticsearchUrl("https://es.internal:9200");

        assertThat(https.withCaCertificate(pem.toString()).validate().caCertificate()).isEqualTo(pem.toString());
        assertThatThrownBy(() -> https.withCaCertificate(dir.resolve("missing.crt").toString()).validate())
                .hasMessageContaining("caCertificate must be a readable PEM file");
        assertThatThrownBy(() -> defaults.withCaCertificate(pem.toString()).validate())
                .hasMessageContaining("caCertificate is for an https elasticsearchUrl");
    }

    @Test
    void neverShowsCredentials() {
        assertThat(defaults.withApiKey("c2VjcmV0LWtleQ==").toString())
                .doesNotContain("c2VjcmV0LWtleQ==").contains("auth=api-key");
        assertThat(defaults.withBasicAuth("elastic", "hunter2").toString())
                .doesNotContain("hunter2").contains("auth=basic user elastic");
        assertThat(defaults.withElasticsearchUrl("http://elastic:hunter2@localhost:9200").toString())
                .doesNotContain("hunter2");
    }
}
