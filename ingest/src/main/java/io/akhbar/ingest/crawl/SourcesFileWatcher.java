package io.akhbar.ingest.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the sources file again every interval and passes on its sources when its content changed and is valid; an
 * invalid edit is logged with every problem and the sources in use stay. Comparing the content rather than
 * watching the directory also catches files replaced by a rename or behind a symbolic link (Kubernetes config
 * maps).
 */
public final class SourcesFileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourcesFileWatcher.class);

    private final Path file;
    private final Consumer<List<Source>> onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "akhbar-sources-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private byte[] lastContent;

    private SourcesFileWatcher(Path file, byte[] content, Consumer<List<Source>> onChange) {
        this.file = file;
        this.lastContent = content;
        this.onChange = onChange;
    }

    /** Watches a file whose current content has been loaded already. */
    public static SourcesFileWatcher start(Path file, Duration interval, Consumer<List<Source>> onChange)
            throws IOException {
        SourcesFileWatcher watcher = new SourcesFileWatcher(file, Files.readAllBytes(file), onChange);
        watcher.timer.scheduleWithFixedDelay(watcher::check, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** Looks at the file now; the timer calls this too. */
    void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            log.warn("cannot read sources file {}, keeping the sources in use: {}", file, e.toString());
            return;
        }
        if (Arrays.equals(content, lastContent)) {
            return;
        }
        lastContent = content;
        List<Source> sources;
        try {
            sources = SourcesFile.load(file);
        } catch (InvalidSourcesException e) {
            log.error("edited {}, keeping the sources in use: {}", file, e.getMessage());
            return;
        } catch (IOException e) {
            log.warn("cannot read sources file {}, keeping the sources in use: {}", file, e.toString());
            return;
        }
        log.info("sources file {} changed: {} sources", file, sources.size());
        onChange.accept(sources);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
