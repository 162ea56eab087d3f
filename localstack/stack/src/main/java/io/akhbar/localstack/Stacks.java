package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts {@link Stack}s. */
public final class Stacks {

    private static final Logger LOG = LoggerFactory.getLogger(Stacks.class);
    private static Stack shared;
    private static RuntimeException sharedFailure;

    private Stacks() {}

    /**
     * Starts Kafka, and Elasticsearch if asked, as child processes of this JVM, and waits until they serve requests.
     * The processes are stopped by {@link Stack#close()} or, failing that, when this JVM exits normally.
     *
     * @throws IllegalStateException if a server cannot start, with the end of its log
     */
    public static Stack start(StackOptions options) {
        return LocalProcessStack.start(options);
    }

    /**
     * The stack shared by every test of this JVM, with Elasticsearch, started on first use: in Docker containers
     * when a Docker engine is available, else as local processes. Closing it does nothing; it is closed when the JVM
     * exits, and its data is deleted then.
     *
     * @throws IllegalStateException if it cannot start: tests needing it must fail, not be skipped
     */
    public static synchronized Stack shared() {
        if (sharedFailure != null) {
            // Every test class asks; retrying would repeat a start that can take minutes to time out.
            throw new IllegalStateException("the shared test stack failed to start earlier in this JVM", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = startShared();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    private static Stack startShared() {
        StackOptions options = StackOptions.defaults(temporaryWorkDir()).deletingDataOnClose();
        boolean docker = dockerAvailable();
        LOG.info("Starting the shared test stack with {} (work directory {})",
                docker ? "Testcontainers, as a Docker engine is available" : "local processes, as no Docker engine is",
                options.workDir());
        Stack stack = docker ? TestcontainersStack.start(options) : LocalProcessStack.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "close the shared test stack"));
        LOG.info("Shared test stack up ({}): Kafka at {}, Elasticsearch at {}",
                stack.backend(), stack.kafkaBootstrapServers(), stack.elasticsearchUrl());
        return new Unclosable(stack);
    }

    private static boolean dockerAvailable() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    private static Path temporaryWorkDir() {
        try {
            return Files.createTempDirectory("akhbar-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the shared test stack", e);
        }
    }

    /** The shared stack as handed to tests: one test closing it must not take it from the others. */
    private record Unclosable(Stack stack) implements Stack {

        @Override
        public String kafkaBootstrapServers() {
            return stack.kafkaBootstrapServers();
        }

        @Override
        public String elasticsearchUrl() {
            return stack.elasticsearchUrl();
        }

        @Override
        public String backend() {
            return stack.backend();
        }

        @Override
        public void stopElasticsearch() {
            stack.stopElasticsearch();
        }

        @Override
        public void startElasticsearch() {
            stack.startElasticsearch();
        }

        @Override
        public void stopKafka() {
            stack.stopKafka();
        }

        @Override
        public void startKafka() {
            stack.startKafka();
        }

        @Override
        public void close() {
            // Closed by the shutdown hook registered when it started.
        }
    }
}
