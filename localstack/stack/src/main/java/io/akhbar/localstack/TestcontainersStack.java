package io.akhbar.localstack;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** Kafka and Elasticsearch in Docker containers, of the same versions as the local processes. */
final class TestcontainersStack implements Stack {

    private static final Logger LOG = LoggerFactory.getLogger(TestcontainersStack.class);
    private static final int KAFKA_PORT = 9092;
    private static final int ELASTICSEARCH_PORT = 9200;
    private static final int STOP_GRACE_SECONDS = 30;
    private static final String PLUGIN_IN_CONTAINER = "/tmp/akhbar-analysis-plugin.zip";
    /** Installs the plugin on the container's first start only: a restarted container already has it. */
    private static final String INSTALL_PLUGIN_THEN_RUN = "[ -e /tmp/akhbar-plugin-installed ]"
            + " || { bin/elasticsearch-plugin install --batch file://" + PLUGIN_IN_CONTAINER
            + " && touch /tmp/akhbar-plugin-installed; }"
            + " && exec /bin/tini -- /usr/local/bin/docker-entrypoint.sh eswrapper";

    private final StackOptions options;
    private final KafkaContainer kafka;
    private final ElasticsearchContainer elasticsearch;

    private TestcontainersStack(StackOptions options, KafkaContainer kafka, ElasticsearchContainer elasticsearch) {
        this.options = options;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    static TestcontainersStack start(StackOptions options) {
        LocalArtifacts artifacts = LocalArtifacts.load();
        KafkaContainer kafka = kafkaContainer(artifacts, options);
        ElasticsearchContainer elasticsearch =
                options.withElasticsearch() ? elasticsearchContainer(artifacts, options) : null;
        TestcontainersStack stack = new TestcontainersStack(options, kafka, elasticsearch);
        try {
            if (elasticsearch == null) {
                kafka.start();
            } else {
                Startables.deepStart(kafka, elasticsearch).join();
            }
        } catch (RuntimeException e) {
            stack.close();
            throw new IllegalStateException("cannot start the Testcontainers stack: " + e.getMessage(), e);
        }
        return stack;
    }

    private static KafkaContainer kafkaContainer(LocalArtifacts artifacts, StackOptions options) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:" + artifacts.kafkaVersion()))
                .withEnv("KAFKA_HEAP_OPTS", "-Xmx" + options.kafkaHeapMb() + "m")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withStartupTimeout(options.startTimeout());
        return withFixedHostPort(container, KAFKA_PORT);
    }

    private static ElasticsearchContainer elasticsearchContainer(LocalArtifacts artifacts, StackOptions options) {
        ElasticsearchContainer container = new ElasticsearchContainer(DockerImageName
                        .parse("docker.elastic.co/elasticsearch/elasticsearch:" + artifacts.elasticsearchVersion()))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS",
                        "-Xms" + options.elasticsearchHeapMb() + "m -Xmx" + options.elasticsearchHeapMb() + "m")
                .withExposedPorts(ELASTICSEARCH_PORT)
                .withStartupTimeout(options.startTimeout());
        Optional<Path> plugin = artifacts.analysisPluginZip();
        if (plugin.isPresent()) {
            container
                    .withCopyFileToContainer(MountableFile.forHostPath(plugin.get()), PLUGIN_IN_CONTAINER)
                    .withCreateContainerCmdModifier(
                            cmd -> cmd.withEntrypoint("/bin/bash", "-c", INSTALL_PLUGIN_THEN_RUN));
        } else {
            LOG.warn("Arabic analysis plugin not found at {}: Elasticsearch runs without the akhbar_arabic analyzer "
                    + "(build module analysis-plugin to get it)", artifacts.analysisPluginLocation());
        }
        return withFixedHostPort(container, ELASTICSEARCH_PORT);
    }

    /**
     * Docker gives a restarted container new random host ports; a fixed one keeps the address clients were given
     * valid across {@link #stopKafka()}/{@link #startKafka()} and the Elasticsearch equivalents.
     */
    private static <T extends GenericContainer<T>> T withFixedHostPort(T container, int containerPort) {
        int hostPort = FreePorts.next();
        return container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(containerPort))));
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return "http://" + requireElasticsearch().getHttpHostAddress();
    }

    @Override
    public String backend() {
        return "testcontainers";
    }

    @Override
    public void stopElasticsearch() {
        stop(requireElasticsearch());
    }

    @Override
    public void startElasticsearch() {
        ElasticsearchContainer container = requireElasticsearch();
        start(container);
        ElasticsearchProbe.awaitReady(elasticsearchUrl(), options.startTimeout(),
                () -> container.isRunning() ? null : "its container stopped",
                () -> tail(container));
    }

    @Override
    public void stopKafka() {
        stop(kafka);
    }

    @Override
    public void startKafka() {
        start(kafka);
        KafkaProbe.awaitReady(kafka.getHost(), kafka.getMappedPort(KAFKA_PORT), options.startTimeout(),
                () -> kafka.isRunning() ? null : "its container stopped",
                () -> tail(kafka));
    }

    @Override
    public synchronized void close() {
        kafka.stop();
        if (elasticsearch != null) {
            elasticsearch.stop();
        }
    }

    private ElasticsearchContainer requireElasticsearch() {
        if (elasticsearch == null) {
            throw new IllegalStateException("this stack was started without Elasticsearch");
        }
        return elasticsearch;
    }

    private static void stop(GenericContainer<?> container) {
        container.getDockerClient().stopContainerCmd(container.getContainerId())
                .withTimeout(STOP_GRACE_SECONDS)
                .exec();
    }

    private static void start(GenericContainer<?> container) {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
    }

    private static String tail(GenericContainer<?> container) {
        String logs = container.getLogs();
        return "last container output:\n" + logs.substring(Math.max(0, logs.length() - 4_000));
    }
}
