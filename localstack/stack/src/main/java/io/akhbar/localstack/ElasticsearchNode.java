package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node Elasticsearch cluster run from a local installation as a child process. */
final class ElasticsearchNode {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final Path nodeDir;
    private final Path log;
    private final ElasticsearchUser user;
    private final int heapMb;
    private final Duration startTimeout;
    private final int httpPort = FreePorts.next();
    private final int transportPort = FreePorts.next();
    private ChildProcess process;

    private ElasticsearchNode(Path home, Path nodeDir, Path log, ElasticsearchUser user, int heapMb,
            Duration startTimeout) {
        this.home = home;
        this.nodeDir = nodeDir;
        this.log = log;
        this.user = user;
        this.heapMb = heapMb;
        this.startTimeout = startTimeout;
    }

    /** Installs Elasticsearch if needed and prepares the node's directories, without starting it. */
    static ElasticsearchNode create(StackOptions options, LocalArtifacts artifacts) {
        ElasticsearchUser user = ElasticsearchUser.forCurrentProcess();
        Path home = ElasticsearchInstallation.ensure(artifacts, user);
        Path nodeDir = user.nodeDir(options.workDir());
        ElasticsearchNode node = new ElasticsearchNode(home, nodeDir, options.workDir().resolve("elasticsearch.log"),
                user, options.elasticsearchHeapMb(), options.startTimeout());
        node.prepareDirectories();
        return node;
    }

    String url() {
        return "http://" + HOST + ":" + httpPort;
    }

    /** The node's configuration and data: everything of it but its log. */
    Path directory() {
        return nodeDir;
    }

    synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("Elasticsearch already running at " + url());
        }
        long started = System.nanoTime();
        process = ChildProcess.start("Elasticsearch", user.runAs(command()), environment(), nodeDir, log, STOP_GRACE);
        try {
            ElasticsearchProbe.awaitReady(url(), startTimeout,
                    () -> process.isAlive() ? null : process.exitReport(),
                    () -> ProcessLogs.tail(log, 40));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Elasticsearch ready at {} in {} ms (log: {}, data: {})",
                url(), (System.nanoTime() - started) / 1_000_000, log, nodeDir);
    }

    synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    private void prepareDirectories() {
        try {
            if (!Files.isDirectory(nodeDir.resolve("config"))) {
                // A configuration directory per node: Elasticsearch writes its keystore there on first start, which
                // nodes sharing the installation's directory would race for.
                Directories.copyRecursively(home.resolve("config"), nodeDir.resolve("config"));
            }
            Files.createDirectories(nodeDir.resolve("data"));
            Files.createDirectories(nodeDir.resolve("logs"));
            user.own(nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch node directory " + nodeDir, e);
        }
    }

    private List<String> command() {
        return List.of(home.resolve("bin/elasticsearch").toString(),
                "-E", "cluster.name=akhbar-local",
                "-E", "node.name=akhbar-local",
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=" + HOST,
                "-E", "http.port=" + httpPort,
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + nodeDir.resolve("data"),
                "-E", "path.logs=" + nodeDir.resolve("logs"),
                // A developer's nearly full disk must not turn the index read-only in the middle of a test.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false");
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
        environment.put("ES_JAVA_OPTS", "-Xms" + heapMb + "m -Xmx" + heapMb + "m");
        environment.put("ES_PATH_CONF", nodeDir.resolve("config").toString());
        return environment;
    }
}
