package io.akhbar.sink.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/** The sink's meters, and the same counts kept locally so that they can be read whatever the registry. */
final class SinkMetrics {
    static final String DOCUMENTS = "akhbar.sink.documents";
    static final String RETRIES = "akhbar.sink.retries";
    static final String DEAD_LETTERS = "akhbar.deadletters";

    private final MeterRegistry registry;
    private final Counter indexedCounter;
    private final Counter staleCounter;
    private final Counter rejectedCounter;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexedCounter = documents(registry, "indexed");
        this.staleCounter = documents(registry, "stale");
        this.rejectedCounter = documents(registry, "rejected");
    }

    void indexed() {
        indexed.incrementAndGet();
        indexedCounter.increment();
    }

    void stale() {
        stale.incrementAndGet();
        staleCounter.increment();
    }

    /** @param reason the error class: Elasticsearch's error type, or the exception that made the record unreadable */
    void rejected(String reason) {
        rejected.incrementAndGet();
        rejectedCounter.increment();
        Counter.builder(DEAD_LETTERS)
                .description("Records sent to the dead-letter topic")
                .tag("stage", SinkDeadLetters.STAGE)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** @param reason why Elasticsearch could not take the documents: unreachable, too_many_requests, ... */
    void retry(String reason) {
        Counter.builder(RETRIES)
                .description("Bulk requests sent again after Elasticsearch failed")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    SinkCounts counts() {
        return new SinkCounts(indexed.get(), stale.get(), rejected.get());
    }

    private static Counter documents(MeterRegistry registry, String outcome) {
        return Counter.builder(DOCUMENTS)
                .description("Records the sink settled, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
