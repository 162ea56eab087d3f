package io.akhbar.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Waits until an Elasticsearch node serves requests. */
final class ElasticsearchProbe {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ElasticsearchProbe() {}

    /**
     * Waits until the cluster at {@code url} is at least yellow, that is every primary shard is assigned. The health
     * API is used because the distribution answers {@code GET /} with 405.
     *
     * @param failure says why the node cannot come up any more (its process exited), or {@code null} while it might
     * @param diagnostics the node's log, for the exception
     */
    static void awaitReady(String url, Duration timeout, Supplier<String> failure, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest
                .newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(10))
                .build();
        String last = "no answer yet";
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch at " + url, e);
            }
            String reason = failure.get();
            if (reason != null) {
                throw new IllegalStateException("Elasticsearch did not start: " + reason);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Elasticsearch at " + url + " not ready within " + timeout
                        + " (last answer: " + last + "); " + diagnostics.get());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch at " + url, e);
            }
        }
    }
}
