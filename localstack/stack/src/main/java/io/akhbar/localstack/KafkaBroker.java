package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka cluster (one process acting as broker and controller) in its own JVM.
 *
 * <p>The broker runs from the classpath recorded by module {@code localstack/kafka-broker}, so the broker's
 * kafka-clients never shares a classpath with the (older) one of the code under test.
 */
final class KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private final int heapMb;
    private final Duration startTimeout;
    private final String classpath;
    private ChildProcess process;

    private KafkaBroker(Path dir, Path log, int heapMb, Duration startTimeout, String classpath) {
        this.dir = dir;
        this.log = log;
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
        this.heapMb = heapMb;
        this.startTimeout = startTimeout;
        this.classpath = classpath;
    }

    /** Writes the broker's configuration under {@code workDir/kafka} and formats its storage. */
    static KafkaBroker create(StackOptions options, LocalArtifacts artifacts) {
        Path dir = options.workDir().resolve("kafka");
        KafkaBroker broker = new KafkaBroker(dir, options.workDir().resolve("kafka.log"),
                options.kafkaHeapMb(), options.startTimeout(), artifacts.kafkaBrokerClasspath());
        broker.writeConfiguration();
        broker.formatStorage();
        return broker;
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker's configuration and data: everything of it but its log. */
    Path directory() {
        return dir;
    }

    synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("Kafka broker already running at " + bootstrapServers());
        }
        long started = System.nanoTime();
        process = ChildProcess.start("Kafka broker", java("kafka.Kafka", serverProperties().toString()),
                Map.of(), dir, log, STOP_GRACE);
        try {
            KafkaProbe.awaitReady(HOST, port, startTimeout,
                    () -> process.isAlive() ? null : process.exitReport(),
                    () -> ProcessLogs.tail(log, 40));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Kafka broker ready at {} in {} ms (log: {})",
                bootstrapServers(), (System.nanoTime() - started) / 1_000_000, log);
    }

    synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    private void writeConfiguration() {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                // One node: every internal topic must make do with one replica, or transactions and groups never start.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                // Fewer coordinator partitions than the defaults (50) make the first consumer group and the first
                // transactional producer start faster on a one-node cluster.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.num.partitions=5",
                "group.initial.rebalance.delay.ms=0",
                // The project creates its topics itself; a misspelt topic name should fail, not create a topic.
                "auto.create.topics.enable=false",
                "");
        String log4j = String.join("\n",
                "appender.stdout.type=Console",
                "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout",
                "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "");
        try {
            Files.createDirectories(dir);
            Files.writeString(serverProperties(), properties);
            Files.writeString(log4jProperties(), log4j);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration in " + dir, e);
        }
    }

    private void formatStorage() {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            Commands.run(
                    java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties().toString()),
                    Map.of(), startTimeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<String> java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jProperties().toUri(),
                "-cp", classpath,
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private Path log4jProperties() {
        return dir.resolve("log4j2.properties");
    }
}
