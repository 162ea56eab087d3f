package io.akhbar.cli.ops;

import io.akhbar.cli.config.AkhbarConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What makes one running service observable: its Prometheus registry (also joined to Micrometer's global registry,
 * which the stages count through since Kafka creates some of their handlers), the lag monitor of the consumer
 * groups it runs, the Kafka health check, and the endpoints serving health, metrics and the status page.
 */
public final class Operations implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Admin admin;
    private final LagMonitor lag;
    private final ServiceEndpoints endpoints;
    private final String host;
    /** Stops the binders that read their meters on a schedule. */
    private final List<Runnable> binders = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Operations(String service, AkhbarConfig config, List<MonitoredGroup> groups) throws IOException {
        host = config.service().host();
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc::close);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
        admin = Admin.create(config.kafka().clientConfig());
        lag = groups.isEmpty() ? null
                : new LagMonitor(config.kafka(), groups, config.service().lagInterval(), registry).start();
        endpoints = new ServiceEndpoints(config.service().host(), config.service().port(), registry);
        endpoints.check("kafka", HealthChecks.kafka(admin));
        StatusReport report = new StatusReport(service, registry, endpoints::health, lag);
        endpoints.status(report::build);
    }

    /**
     * @param service the service's name, a tag on every meter
     * @param groups  the consumer groups this service runs, whose lag it measures and exports
     */
    public static Operations start(String service, AkhbarConfig config, List<MonitoredGroup> groups) {
        try {
            return new Operations(service, config, groups);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health and metrics on " + config.service().host() + ":"
                    + config.service().port() + ": " + e.getMessage(), e);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Operations check(String name, Supplier<ServiceEndpoints.HealthCheck> check) {
        endpoints.check(name, check);
        return this;
    }

    /** Exports a Streams application's own metrics (threads, tasks, state stores, its clients). */
    public void bind(KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        synchronized (binders) {
            binders.add(metrics::close);
        }
    }

    public ServiceEndpoints.Health health() {
        return endpoints.health();
    }

    /** Null when this service watches no consumer group. */
    public LagMonitor lag() {
        return lag;
    }

    /** The endpoints' base URL; on loopback when they listen on every address. */
    public String url() {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        String address = wildcard ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + address + ":" + endpoints.port();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        endpoints.close();
        if (lag != null) {
            lag.close();
        }
        admin.close();
        synchronized (binders) {
            binders.forEach(Runnable::run);
        }
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
