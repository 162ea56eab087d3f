package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka and Elasticsearch as child processes of this JVM, from artifacts resolved by the build. */
final class LocalProcessStack implements Stack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessStack.class);

    private final StackOptions options;
    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private boolean closed;

    private LocalProcessStack(StackOptions options, KafkaBroker kafka, ElasticsearchNode elasticsearch) {
        this.options = options;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    static LocalProcessStack start(StackOptions options) {
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stack's work directory " + options.workDir(), e);
        }
        LocalArtifacts artifacts = LocalArtifacts.load();
        // Elasticsearch takes several times longer than Kafka to install and start, so it starts alongside.
        CompletableFuture<ElasticsearchNode> elasticsearch = options.withElasticsearch()
                ? CompletableFuture.supplyAsync(() -> startElasticsearch(options, artifacts),
                        task -> new Thread(task, "akhbar-elasticsearch-start").start())
                : CompletableFuture.completedFuture(null);
        KafkaBroker kafka = null;
        try {
            kafka = KafkaBroker.create(options, artifacts);
            kafka.start();
            return new LocalProcessStack(options, kafka, elasticsearch.join());
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.stop();
            }
            ElasticsearchNode started = elasticsearch.handle((node, failure) -> node).join();
            if (started != null) {
                started.stop();
            }
            throw unwrap(e);
        }
    }

    private static ElasticsearchNode startElasticsearch(StackOptions options, LocalArtifacts artifacts) {
        ElasticsearchNode node = ElasticsearchNode.create(options, artifacts);
        node.start();
        return node;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return requireElasticsearch().url();
    }

    @Override
    public String backend() {
        return "local processes";
    }

    @Override
    public void stopElasticsearch() {
        requireElasticsearch().stop();
    }

    @Override
    public void startElasticsearch() {
        requireElasticsearch().start();
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        stops.add(CompletableFuture.runAsync(kafka::stop, LocalProcessStack::runInNewThread));
        if (elasticsearch != null) {
            stops.add(CompletableFuture.runAsync(elasticsearch::stop, LocalProcessStack::runInNewThread));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        if (options.deleteDataOnClose()) {
            Directories.deleteRecursively(kafka.directory());
            if (elasticsearch != null) {
                Directories.deleteRecursively(elasticsearch.directory());
            }
        }
        LOG.info("Local stack in {} stopped", options.workDir());
    }

    private ElasticsearchNode requireElasticsearch() {
        if (elasticsearch == null) {
            throw new IllegalStateException("this stack was started without Elasticsearch");
        }
        return elasticsearch;
    }

    private static void runInNewThread(Runnable task) {
        new Thread(task, "akhbar-local-stack-stop").start();
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
