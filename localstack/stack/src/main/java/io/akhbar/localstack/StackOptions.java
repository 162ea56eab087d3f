package io.akhbar.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a local stack.
 *
 * @param workDir where the servers keep their data and logs
 * @param withElasticsearch whether to start an Elasticsearch node besides the Kafka broker
 * @param deleteDataOnClose whether closing the stack deletes the servers' data (logs stay in {@code workDir})
 * @param kafkaHeapMb maximum heap of the broker's JVM
 * @param elasticsearchHeapMb heap of the Elasticsearch JVM
 * @param startTimeout how long a server may take to become ready
 */
public record StackOptions(
        Path workDir,
        boolean withElasticsearch,
        boolean deleteDataOnClose,
        int kafkaHeapMb,
        int elasticsearchHeapMb,
        Duration startTimeout) {

    public StackOptions {
        workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (kafkaHeapMb < 128 || elasticsearchHeapMb < 256) {
            throw new IllegalArgumentException("heaps too small to start: kafka " + kafkaHeapMb
                    + " MB, elasticsearch " + elasticsearchHeapMb + " MB");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
        }
    }

    /** Kafka and Elasticsearch with 512 MB heaps each, data kept on close, three minutes to start. */
    public static StackOptions defaults(Path workDir) {
        return new StackOptions(workDir, true, false, 512, 512, Duration.ofMinutes(3));
    }

    public StackOptions withoutElasticsearch() {
        return new StackOptions(workDir, false, deleteDataOnClose, kafkaHeapMb, elasticsearchHeapMb, startTimeout);
    }

    public StackOptions deletingDataOnClose() {
        return new StackOptions(workDir, withElasticsearch, true, kafkaHeapMb, elasticsearchHeapMb, startTimeout);
    }
}
