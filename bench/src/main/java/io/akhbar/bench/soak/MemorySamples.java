package io.akhbar.bench.soak;

import io.akhbar.localstack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's memory over the run: resident set size from the operating system, and the heap in use from the
 * service's own {@code /metrics} (Micrometer's JVM meters), sampled together with the number of documents indexed.
 */
final class MemorySamples {
    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    record Sample(long elapsedSeconds, long documents, Map<String, Long> residentMb, Map<String, Long> heapMb) {
    }

    /** A service and the port of its {@code /metrics}. */
    record Monitored(String name, ServiceProcess process, int metricsPort) {
    }

    private final List<Monitored> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Sample> samples = new ArrayList<>();

    MemorySamples(List<Monitored> services) {
        this.services = services;
    }

    Sample take(long elapsedSeconds, long documents) {
        Map<String, Long> resident = new LinkedHashMap<>();
        Map<String, Long> heap = new LinkedHashMap<>();
        for (Monitored service : services) {
            resident.put(service.name(), service.process().residentBytes() / (1024 * 1024));
            heap.put(service.name(), heapUsedBytes(service.metricsPort()) / (1024 * 1024));
        }
        Sample sample = new Sample(elapsedSeconds, documents, resident, heap);
        samples.add(sample);
        return sample;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private long heapUsedBytes(int port) {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = HEAP_USED.matcher(metrics.body());
            double total = 0;
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
            }
            return (long) total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception notUpYet) {
            return -1;
        }
    }
}
