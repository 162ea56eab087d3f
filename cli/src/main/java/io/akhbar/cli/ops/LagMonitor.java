package io.akhbar.cli.ops;

import io.akhbar.model.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the lag of some consumer groups at a fixed interval and exports it as
 * {@code akhbar_consumer_lag_records{group,topic,partition,backfill,stage}} and
 * {@code akhbar_consumer_lag_seconds{...}}. Each service watches its own stage's group, so several instances of one
 * service export the same series under different instance labels: dashboards take the max over instances.
 */
public final class LagMonitor implements AutoCloseable {
    public static final String LAG_RECORDS = "akhbar.consumer.lag.records";
    /** Exported with its unit as {@code akhbar_consumer_lag_seconds}. */
    public static final String LAG_SECONDS = "akhbar.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final KafkaSettings kafka;
    private final List<MonitoredGroup> groups;
    private final Duration interval;
    private final MultiGauge records;
    private final MultiGauge seconds;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "akhbar-lag-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private LagReader reader;
    private volatile LagSnapshot latest = LagSnapshot.NONE;
    private volatile String failure;

    public LagMonitor(KafkaSettings kafka, List<MonitoredGroup> groups, Duration interval, MeterRegistry registry) {
        this.kafka = kafka;
        this.groups = List.copyOf(groups);
        this.interval = interval;
        this.records = MultiGauge.builder(LAG_RECORDS)
                .description("Records a consumer group has still to consume, per partition")
                .register(registry);
        this.seconds = MultiGauge.builder(LAG_SECONDS)
                .description("Age of the oldest record a consumer group has still to consume, per partition; 0 when none")
                .baseUnit("seconds")
                .register(registry);
    }

    public LagMonitor start() {
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public List<MonitoredGroup> groups() {
        return groups;
    }

    /** The last measurement; {@link LagSnapshot#NONE} before the first one succeeded. */
    public LagSnapshot latest() {
        return latest;
    }

    /** Why the last measurement failed, or null when it succeeded. */
    public String failure() {
        return failure;
    }

    private void refresh() {
        try {
            if (reader == null) {
                reader = new LagReader(kafka);
            }
            LagSnapshot snapshot = reader.read(groups);
            records.register(snapshot.partitions().stream()
                    .map(entry -> MultiGauge.Row.of(tags(entry), entry.lagRecords())).toList(), true);
            seconds.register(snapshot.partitions().stream()
                    .map(entry -> MultiGauge.Row.of(tags(entry), entry.lagSeconds())).toList(), true);
            latest = snapshot;
            if (failure != null) {
                log.info("lag measurement works again");
            }
            failure = null;
        } catch (RuntimeException e) {
            // No number is better than a stale one on a dashboard.
            records.register(List.of(), true);
            seconds.register(List.of(), true);
            if (failure == null) {
                log.warn("cannot measure consumer lag (trying again every {}): {}", interval, e.toString());
            }
            failure = e.getMessage();
        }
    }

    private static Tags tags(LagSnapshot.Entry entry) {
        return Tags.of("stage", entry.stage(), "group", entry.group(), "topic", entry.topic(),
                "partition", String.valueOf(entry.partition()), "backfill", String.valueOf(entry.backfill()));
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
