package io.akhbar.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Waits until a Kafka broker answers an admin request. */
final class KafkaProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private KafkaProbe() {}

    /**
     * Waits until the broker at {@code host:port} describes its cluster.
     *
     * @param failure says why the broker cannot come up any more (its process exited), or {@code null} while it might
     * @param diagnostics the broker's log, for the exception
     */
    static void awaitReady(
            String host, int port, Duration timeout, Supplier<String> failure, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // An admin client logs a warning for every refused connection; waiting for the port first keeps the log quiet.
        while (!accepts(host, port)) {
            checkProgress(deadline, timeout, failure, diagnostics, "port " + port + " never opened");
            sleep();
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (true) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                checkProgress(deadline, timeout, failure, diagnostics, "last error: " + last);
                sleep();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka at " + host + ":" + port, e);
        }
    }

    private static void checkProgress(
            long deadline, Duration timeout, Supplier<String> failure, Supplier<String> diagnostics, String detail) {
        String reason = failure.get();
        if (reason != null) {
            throw new IllegalStateException("Kafka broker did not start: " + reason);
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                    "Kafka broker not ready within " + timeout + " (" + detail + "); " + diagnostics.get());
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
