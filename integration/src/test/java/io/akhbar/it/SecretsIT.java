package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.localstack.ServiceProcess;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.sink.ElasticsearchConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services as processes, configured as in production with secrets from files: Elasticsearch over HTTPS (a
 * proxy with a certificate the JVM does not trust, so only the configured CA file lets the sink in) with basic
 * authentication, and Kafka client properties carrying a SASL password. The sample site gets indexed through the
 * tunnel, the credentials travel inside it, and no secret appears in any service's output, our own code logging
 * at DEBUG, nor in {@code --print-config}.
 */
class SecretsIT {
    private static final String USER = "akhbar-writer";

    @TempDir
    Path workDir;
    private final Stack stack = Stacks.shared();

    @Test
    void credentialsTravelInsideTlsAndAreNeverLogged() throws Exception {
        String esPassword = "es-" + UUID.randomUUID();
        String kafkaPassword = "kafka-" + UUID.randomUUID();
        String basicAuth = Base64.getEncoder().encodeToString((USER + ":" + esPassword).getBytes(StandardCharsets.UTF_8));
        try (SampleSite site = SampleSite.start(); TlsProxy proxy = TlsProxy.start(workDir, stack.elasticsearchUrl())) {
            AkhbarConfig base = TestPipelines.config(stack, workDir);
            AkhbarConfig config = base.withSink(base.sink().withElasticsearchUrl(proxy.url())
                    .withCaCertificate(proxy.caCertificate().toString()));
            Path settings = Files.writeString(workDir.resolve("akhbar.yaml"), config.toYaml());
            Path sources = Files.writeString(workDir.resolve("sources.yaml"), site.sourcesYaml());
            Path passwordFile = Files.writeString(workDir.resolve("es-password"), esPassword + "\n");
            Path kafkaProperties = Files.writeString(workDir.resolve("kafka.properties"), """
                    security.protocol=PLAINTEXT
                    sasl.mechanism=SCRAM-SHA-512
                    sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                      username="akhbar" password="%s";
                    """.formatted(kafkaPassword));
            Map<String, String> environment = Map.of(
                    "AKHBAR_SINK_USERNAME", USER,
                    "AKHBAR_SINK_PASSWORD_FILE", passwordFile.toString(),
                    "AKHBAR_KAFKA_CLIENT_PROPERTIES_FILE", kafkaProperties.toString(),
                    "AKHBAR_LOG_LEVEL", "DEBUG");
            Path logs = Files.createDirectories(Path.of("target", "service-logs", "secrets-" + UUID.randomUUID()));
            String settingsFile = settings.toString();

            List<ServiceProcess> services = List.of(
                    ServiceProcess.start("crawl", logs, environment, "crawl", "--sources", sources.toString(), "--config", settingsFile),
                    ServiceProcess.start("enrich", logs, environment, "enrich", "--config", settingsFile),
                    ServiceProcess.start("sink", logs, environment, "sink", "--config", settingsFile));
            ServiceProcess printed = ServiceProcess.start("print-config", logs, environment,
                    "sink", "--print-config", "--config", settingsFile);
            try {
                assertThat(printed.awaitExit()).isZero();
                assertThat(awaitDocuments(config, site.articleCount(), Duration.ofMinutes(4)))
                        .as("documents indexed through the TLS proxy").isEqualTo(site.articleCount());
            } finally {
                services.forEach(ServiceProcess::stop);
            }

            assertThat(proxy.requestHeads()).isNotEmpty()
                    .allMatch(head -> head.contains("Authorization: Basic " + basicAuth));
            assertThat(printed.log()).contains("username: \"" + USER + "\"").contains("password: \"***\"")
                    .contains("sasl.jaas.config: \"***\"");
            for (ServiceProcess service : concat(services, printed)) {
                assertThat(service.log()).as("output of %s", service.name())
                        .doesNotContain(esPassword).doesNotContain(kafkaPassword).doesNotContain(basicAuth);
            }
        }
    }

    /** Counts through the test's own plain connection, not through the proxy. */
    private long awaitDocuments(AkhbarConfig config, long expected, Duration timeout) throws Exception {
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(
                config.sink().withElasticsearchUrl(stack.elasticsearchUrl()).withCaCertificate(null))) {
            String alias = config.sink().indexAlias();
            long deadline = System.nanoTime() + timeout.toNanos();
            long count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                Thread.sleep(500);
                try {
                    elasticsearch.client().indices().refresh(r -> r.index(alias));
                    count = elasticsearch.client().count(c -> c.index(alias)).count();
                } catch (Exception indexNotThereYet) {
                    count = 0;
                }
            }
            return count;
        }
    }

    private static List<ServiceProcess> concat(List<ServiceProcess> services, ServiceProcess more) {
        return Stream.concat(services.stream(), Stream.of(more)).toList();
    }
}
