package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running server process started by this JVM, with its output appended to a log file. It is stopped when
 * this JVM exits, whatever state the code that started it is in (a stack half-way through starting, say).
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration grace;
    private final Thread stopOnExit;

    private ChildProcess(String name, Process process, Path log, Duration grace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.grace = grace;
        this.stopOnExit = new Thread(this::stop, "stop " + name + " on exit");
    }

    /**
     * @param grace how long the process may take to stop when asked to, before it is killed
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
            Path log, Duration grace) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            LOG.debug("Started {} (pid {}): {}", name, process.pid(), command);
            ChildProcess child = new ChildProcess(name, process, log, grace);
            try {
                Runtime.getRuntime().addShutdownHook(child.stopOnExit);
            } catch (IllegalStateException e) {
                // The JVM began exiting while the process started: nothing would stop it any more.
                process.destroyForcibly();
                throw e;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why the process is no longer running, with the end of its log. */
    String exitReport() {
        String state = process.isAlive() ? "is still running" : "exited with code " + process.exitValue();
        return name + " " + state + "; " + ProcessLogs.tail(log, 40);
    }

    /**
     * Asks the process and everything it started to terminate, then kills whatever is left after the grace period.
     * The whole tree is signalled because some launchers (Elasticsearch's) fork the real server as a child, which
     * would survive its parent otherwise.
     */
    void stop() {
        List<ProcessHandle> tree =
                Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, grace)) {
            LOG.warn("{} did not stop within {}; killing it", name, grace);
            tree.forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(tree, KILL_WAIT)) {
                throw new IllegalStateException(name + " survived being killed: pids "
                        + tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook is running or has run, which is what removing it was for.
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
