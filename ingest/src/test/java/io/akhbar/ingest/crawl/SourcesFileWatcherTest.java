package io.akhbar.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileWatcherTest {
    private static final String ONE = """
            sources:
              - id: one
                name: واحد
                feeds: ["https://one.example/feed/"]
                repoll: PT5M
            """;

    @TempDir
    Path dir;

    @Test
    void passesOnAValidEditAndKeepsTheSourcesInUseWhenAnEditIsInvalid() throws Exception {
        Path file = Files.writeString(dir.resolve("sources.yaml"), ONE);
        List<List<Source>> updates = new CopyOnWriteArrayList<>();
        try (SourcesFileWatcher watcher = SourcesFileWatcher.start(file, Duration.ofHours(1), updates::add)) {
            watcher.check();
            assertThat(updates).as("unchanged").isEmpty();

            Files.writeString(file, ONE + """
                      - id: two
                        name: اثنان
                        sitemaps: ["https://two.example/sitemap.xml"]
                        repoll: PT10M
                    """);
            watcher.check();
            assertThat(updates).singleElement().satisfies(sources ->
                    assertThat(sources).extracting(Source::id).containsExactly("one", "two"));

            Files.writeString(file, ONE.replace("PT5M", "soon"));
            watcher.check();
            assertThat(updates).hasSize(1);
        }
    }
}
