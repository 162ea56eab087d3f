package io.akhbar.model.streams;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * Runs one Streams application: a thread that dies of an unexpected error is replaced rather than taking the
 * service down (the record it failed on is retried under exactly-once), a restore of its state is reported as it
 * goes ({@link RestoreProgress}), and close waits for a clean commit.
 */
public final class StreamsRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;

    public StreamsRunner(String name, Topology topology, Properties config) {
        this.name = name;
        this.streams = new KafkaStreams(topology, config);
        streams.setUncaughtExceptionHandler(error -> {
            log.error("{}: stream thread failed, replacing it", name, error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("{}: {} -> {}", name, before, now));
        streams.setGlobalStateRestoreListener(new RestoreProgress(name));
    }

    public StreamsRunner start() {
        streams.start();
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING || streams.state() == KafkaStreams.State.REBALANCING;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Commits and leaves the consumer group. Streams stays in the group by default so that a quick restart causes no
     * rebalance, but then a stopped application keeps its members until their session times out, and a replay
     * (which needs the group empty) would wait that long.
     */
    @Override
    public void close() {
        log.info("{}: closing", name);
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
