package io.akhbar.cli.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a running service presents itself.
 *
 * @param host        address the health, metrics and status endpoints listen on
 * @param port        port of {@code /health}, {@code /metrics} and the status page; 0 picks a free one (logged at start)
 * @param sourcesFile the sources file the crawler reads
 * @param workDir     where local state lives: Streams state, the local stack's data
 * @param lagInterval how often the service measures the lag of the consumer groups it runs
 */
public record ServiceSettings(String host, int port, Path sourcesFile, Path workDir, Duration lagInterval) {
    public static final Duration DEFAULT_LAG_INTERVAL = Duration.ofSeconds(5);
    private static final Duration MIN_LAG_INTERVAL = Duration.ofMillis(100);

    public ServiceSettings(String host, int port, Path sourcesFile, Path workDir) {
        this(host, port, sourcesFile, workDir, DEFAULT_LAG_INTERVAL);
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings("127.0.0.1", 0, Path.of("sources.yaml"), Path.of(".akhbar"), DEFAULT_LAG_INTERVAL);
    }

    public ServiceSettings withLagInterval(Duration interval) {
        return new ServiceSettings(host, port, sourcesFile, workDir, interval);
    }

    public ServiceSettings validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("service.port must be in 0..65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("service.host is required");
        }
        if (lagInterval == null || lagInterval.compareTo(MIN_LAG_INTERVAL) < 0) {
            throw new IllegalArgumentException("service.lagInterval must be at least " + MIN_LAG_INTERVAL
                    + ", got " + lagInterval);
        }
        return this;
    }
}
