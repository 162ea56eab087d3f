package io.akhbar.bench.enrich;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU seconds used so far by this JVM, which runs the stream, and by its child processes, of which the throughput
 * benchmark starts one: the Kafka broker.
 */
record CpuTimes(double stream, double broker) {

    static CpuTimes now() {
        double children = ProcessHandle.current().descendants()
                .mapToDouble(process -> process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9)
                .sum();
        var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTimes(system.getProcessCpuTime() / 1e9, children);
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(stream - earlier.stream, broker - earlier.broker);
    }
}
