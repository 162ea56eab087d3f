package io.akhbar.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, on a fresh profile: loads a page, lets its scripts run for a few seconds of
 * virtual time (the status page fetches its data and renders), then dumps the DOM or takes a screenshot.
 */
final class HeadlessChromium {
    private static final int SCRIPT_TIME_MILLIS = 5000;

    private final Path binary = ExternalTools.require("chromium", "chromium");
    private final Path workDir;

    HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    /** The document as the page's scripts left it. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    void screenshot(String url, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        run(url, "--screenshot=" + file.toAbsolutePath(), "--window-size=1400,1300", "--hide-scrollbars");
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new AssertionError("chromium wrote no screenshot to " + file);
        }
    }

    private String run(String url, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=" + SCRIPT_TIME_MILLIS));
        command.addAll(List.of(action));
        command.add(url);
        Path errors = Files.createTempFile(workDir, "chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s: " + Files.readString(errors));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": " + Files.readString(errors));
        }
        return output;
    }
}
