package io.akhbar.bench.soak;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time of every process of the run, from the operating system: the four services by name, and the rest of this
 * JVM's descendants (Kafka, Elasticsearch) by what they run. On a machine of two cores, this says where the time went
 * and so which stage bounds the rate.
 */
final class CpuAccounts {
    private final Function<ProcessHandle, String> namer;
    private final Map<String, Duration> atStart;

    /** @param namer the service name of a process, or null for one that is not a service */
    CpuAccounts(Function<ProcessHandle, String> namer) {
        this.namer = namer;
        this.atStart = totals();
    }

    /** CPU seconds per process since this object was made, in the order the processes were found. */
    Map<String, Double> sinceStart() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        totals().forEach((name, total) ->
                seconds.put(name, total.minus(atStart.getOrDefault(name, Duration.ZERO)).toMillis() / 1000.0));
        return seconds;
    }

    private Map<String, Duration> totals() {
        Map<String, Duration> totals = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            Duration cpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
            if (!cpu.isZero()) {
                totals.merge(nameOf(process), cpu, Duration::plus);
            }
        });
        return totals;
    }

    private String nameOf(ProcessHandle process) {
        String service = namer.apply(process);
        if (service != null) {
            return service;
        }
        String commandLine = process.info().commandLine().orElse("");
        if (commandLine.contains("org.elasticsearch")) {
            return "elasticsearch";
        }
        if (commandLine.contains("kafka")) {
            return "kafka";
        }
        return "other";
    }
}
