package io.akhbar.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs short set-up commands (formatting storage, installing a plugin, chown) to completion. */
final class Commands {

    private Commands() {}

    /**
     * Runs {@code command} and returns its combined output.
     *
     * @throws IllegalStateException if it fails or outlasts {@code timeout}, with its output
     */
    static String run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path output = null;
        try {
            // A file rather than a pipe: reading a pipe to its end would block past the timeout.
            output = Files.createTempFile("akhbar-command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + command + "\n" + read(output));
            }
            String text = read(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed with exit code " + process.exitValue() + ": " + command + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
