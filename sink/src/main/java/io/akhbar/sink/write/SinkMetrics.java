package io.akhbar.sink.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The sink's meters, and the same counts kept locally so that they can be read whatever the registry. */
final class SinkMetrics {
    static final String DOCUMENTS = "akhbar.sink.documents";
    static final String RETRIES = "akhbar.sink.retries";
    static final String DEAD_LETTERS = "akhbar.deadletters";
    /** Exported as the histogram {@code akhbar_sink_freshness_seconds{since=fetched|published}}. */
    static final String FRESHNESS = "akhbar.sink.freshness";
    /** From seconds (a live pipeline) to a month (a backfill of old articles). */
    private static final Duration[] FRESHNESS_BUCKETS = Stream.of("PT1S", "PT5S", "PT15S", "PT30S", "PT1M", "PT2M",
            "PT5M", "PT15M", "PT30M", "PT1H", "PT3H", "PT6H", "PT12H", "PT24H", "PT72H", "PT168H", "PT720H")
            .map(Duration::parse).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Counter indexedCounter;
    private final Counter staleCounter;
    private final Counter rejectedCounter;
    private final Timer sinceFetched;
    private final Timer sincePublished;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexedCounter = documents(registry, "indexed");
        this.staleCounter = documents(registry, "stale");
        this.rejectedCounter = documents(registry, "rejected");
        this.sinceFetched = freshness(registry, "fetched");
        this.sincePublished = freshness(registry, "published");
    }

    void indexed(PendingRecord.ArticleTimes times) {
        indexed.incrementAndGet();
        indexedCounter.increment();
        Instant now = Instant.now();
        recordSince(sinceFetched, times.fetchedAt(), now);
        recordSince(sincePublished, times.publishedAt(), now);
    }

    private static void recordSince(Timer timer, Instant since, Instant now) {
        if (since != null) {
            // A clock ahead of ours (or a publication date in the future) counts as fresh, not as negative.
            timer.record(Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now));
        }
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

    private static Timer freshness(MeterRegistry registry, String since) {
        return Timer.builder(FRESHNESS)
                .description("Time from an article's fetch, or publication, to its indexing")
                .tag("since", since)
                .serviceLevelObjectives(FRESHNESS_BUCKETS)
                .register(registry);
    }

    private static Counter documents(MeterRegistry registry, String outcome) {
        return Counter.builder(DOCUMENTS)
                .description("Records the sink settled, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
