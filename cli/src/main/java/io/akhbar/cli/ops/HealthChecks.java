package io.akhbar.cli.ops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.akhbar.cli.ops.ServiceEndpoints.HealthCheck;
import io.akhbar.model.streams.StreamsRunner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The readiness checks of the services: each one asks the thing it depends on, at the moment it is asked. */
public final class HealthChecks {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthChecks() {
    }

    /** Up when the cluster answers a metadata request, naming its brokers' count. */
    public static Supplier<HealthCheck> kafka(Admin admin) {
        return () -> {
            try {
                DescribeClusterResult cluster = admin.describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                int brokers = cluster.nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).size();
                return HealthCheck.up(brokers + (brokers == 1 ? " broker" : " brokers"));
            } catch (ExecutionException e) {
                return HealthCheck.down("unreachable: " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                return HealthCheck.down("no answer within " + TIMEOUT.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthCheck.down("interrupted");
            }
        };
    }

    /** Up while the Streams application runs (a rebalance is part of running); its state as detail. */
    public static Supplier<HealthCheck> streams(StreamsRunner runner) {
        return () -> runner.isRunning() ? HealthCheck.up(runner.state().name()) : HealthCheck.down(runner.state().name());
    }

    /** Up when the cluster answers and is not red (a red cluster refuses some writes). */
    public static Supplier<HealthCheck> elasticsearch(ElasticsearchClient client) {
        return () -> {
            try {
                HealthStatus status = client.cluster().health(h -> h.timeout(t -> t.time(TIMEOUT.toSeconds() + "s"))).status();
                String detail = "cluster " + status.jsonValue();
                return status == HealthStatus.Red ? HealthCheck.down(detail) : HealthCheck.up(detail);
            } catch (IOException | RuntimeException e) {
                return HealthCheck.down("unreachable: " + e.getMessage());
            }
        };
    }

    /** Up while {@code running} holds, e.g. while a consuming thread is alive. */
    public static Supplier<HealthCheck> running(BooleanSupplier running, String up, String down) {
        return () -> running.getAsBoolean() ? HealthCheck.up(up) : HealthCheck.down(down);
    }
}
