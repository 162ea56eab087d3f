package io.akhbar.localstack;

/**
 * A running Kafka broker and, optionally, an Elasticsearch node, for tests and the demo.
 *
 * <p>The stop and start methods restart a server on the same ports with the same data, so that fault tests can take
 * a server away and bring it back while clients keep their configuration.
 */
public interface Stack extends AutoCloseable {

    /** The bootstrap servers of the broker, {@code host:port}. */
    String kafkaBootstrapServers();

    /**
     * The base URL of the Elasticsearch node, {@code http://host:port}.
     *
     * @throws IllegalStateException if the stack was started without Elasticsearch
     */
    String elasticsearchUrl();

    /** How the servers run: {@code "local processes"} or {@code "testcontainers"}. */
    String backend();

    /** Stops the Elasticsearch node, keeping its data and port for {@link #startElasticsearch()}. */
    void stopElasticsearch();

    /** Starts the Elasticsearch node again and waits until it serves requests. */
    void startElasticsearch();

    /** Stops the Kafka broker, keeping its data and ports for {@link #startKafka()}. */
    void stopKafka();

    /** Starts the Kafka broker again and waits until it serves requests. */
    void startKafka();

    /** Stops every server of the stack; no process of it outlives this call. */
    @Override
    void close();
}
