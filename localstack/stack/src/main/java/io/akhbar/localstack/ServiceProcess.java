package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Akhbar command in a JVM of its own, started as {@code ./akhbar} starts it and configured the same way (a
 * settings file and {@code AKHBAR_*} variables), from this JVM's class path: so that fault tests can kill it as the
 * kernel would (SIGKILL: no shutdown hook, no flush, no commit) and start it again, and load tests can watch each
 * service's memory. Its output, every start appended, goes to one log file.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final String MAIN_CLASS = "io.akhbar.cli.Akhbar";

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    private ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
    }

    /**
     * @param environment {@code AKHBAR_*} variables of the process; the test JVM's own are not passed on
     * @param arguments   the command and its options, e.g. {@code "enrich", "--config", file}
     */
    public static ServiceProcess start(String name, Path logDirectory, Map<String, String> environment,
                                       String... arguments) {
        return start(name, logDirectory, environment, List.of("-Xmx384m", "-XX:+UseSerialGC"), arguments);
    }

    /** @param jvmOptions options of the JVM, such as its heap size */
    public static ServiceProcess start(String name, Path logDirectory, Map<String, String> environment,
                                       List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The service's own logging, not a test's (log4j2-test.xml would win on a test class path).
        command.add("-Dlog4j2.configurationFile=log4j2.xml");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        command.addAll(List.of(arguments));
        ServiceProcess service = new ServiceProcess(name, List.copyOf(command), Map.copyOf(environment),
                logDirectory.resolve(name + ".log"));
        service.start();
        return service;
    }

    /** Starts the process (again): after {@link #kill()} or {@link #stop()}, the same command and settings. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("AKHBAR_"));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "=== start " + ++starts + " of " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM: the service's shutdown hook closes it cleanly. */
    public void stop() {
        process.destroy();
        if (!awaitExit(90)) {
            kill();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself, as a command with {@code --once} does; returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The running process, for the operating system's accounts of it (CPU time, descendants). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The resident memory of the process (VmRSS on Linux), or -1 where the system does not say. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return -1;
        }
        return -1;
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
