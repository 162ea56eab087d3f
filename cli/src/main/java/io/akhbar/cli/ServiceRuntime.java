package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.ServiceEndpoints;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** What every long-running command shares: a Prometheus registry, the endpoints, and waiting for Ctrl-C. */
final class ServiceRuntime implements AutoCloseable {
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final ServiceEndpoints endpoints;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServiceRuntime(String service, AkhbarConfig config) throws IOException {
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        // Stages count through Micrometer's global registry (Streams handlers are created by Kafka, not by us).
        Metrics.addRegistry(registry);
        endpoints = new ServiceEndpoints(config.service().host(), config.service().port(), registry);
    }

    String endpointsUrl() {
        return "http://127.0.0.1:" + endpoints.port();
    }

    /**
     * Runs {@code work} (which may return at once or block), then blocks until the process is asked to stop
     * (Ctrl-C, SIGTERM), when {@code closeServices} runs before the JVM exits: services flush and commit first.
     */
    void runUntilStopped(ThrowingRunnable work, Runnable closeServices) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("akhbar: stopping...");
            closeServices.run();
            close();
        }, "akhbar-shutdown"));
        work.run();
        stopped.await();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        endpoints.close();
        Metrics.removeRegistry(registry);
        registry.close();
        stopped.countDown();
    }
}
