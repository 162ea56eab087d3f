package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.cli.ops.Operations;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** What every long-running command shares: its {@link Operations} (metrics, lag, health, status page), and Ctrl-C. */
final class ServiceRuntime implements AutoCloseable {
    final Operations ops;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** @param groups the consumer groups this service runs: their lag is measured and exported here */
    ServiceRuntime(String service, AkhbarConfig config, List<MonitoredGroup> groups) {
        ops = Operations.start(service, config, groups);
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
        ops.close();
        stopped.countDown();
    }
}
