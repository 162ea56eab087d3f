package io.akhbar.cli.config;

import java.nio.file.Path;

/**
 * How a running service presents itself.
 *
 * @param host        address the health and metrics endpoints listen on
 * @param port        port of {@code /health} and {@code /metrics}; 0 picks a free one (logged at start)
 * @param sourcesFile the sources file the crawler reads
 * @param workDir     where local state lives: Streams state, the local stack's data
 */
public record ServiceSettings(String host, int port, Path sourcesFile, Path workDir) {

    public static ServiceSettings defaults() {
        return new ServiceSettings("127.0.0.1", 0, Path.of("sources.yaml"), Path.of(".akhbar"));
    }

    public ServiceSettings validate() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("service.port must be in 0..65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("service.host is required");
        }
        return this;
    }
}
