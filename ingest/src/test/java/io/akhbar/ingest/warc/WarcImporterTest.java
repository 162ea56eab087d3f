package io.akhbar.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.model.RawPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;

class WarcImporterTest {
    private static final Instant CAPTURED = Instant.parse("2024-12-01T01:25:42Z");

    @TempDir
    Path dir;

    private static WarcResponse response(String url, int status, MediaType type, String body) throws IOException {
        return new WarcResponse.Builder(url).date(CAPTURED).body(new HttpResponse.Builder(status, "x")
                .body(type, body.getBytes(StandardCharsets.UTF_8)).build()).build();
    }

    @Test
    void handsOnHtmlResponsesAndCountsEverySkippedOneByReason() throws Exception {
        Path warc = dir.resolve("plain.warc");
        try (WarcWriter writer = new WarcWriter(warc)) {
            writer.write(response("https://a.example/2024/12/one/#top", 200, MediaType.HTML_UTF8, "<p>واحد</p>"));
            writer.write(response("https://a.example/2024/12/xhtml/", 200,
                    MediaType.parse("application/xhtml+xml"), "<p>xhtml</p>"));
            writer.write(response("https://a.example/big/", 200, MediaType.HTML, "x".repeat(200)));
            writer.write(response("https://a.example/moved/", 301, MediaType.HTML, "moved"));
            writer.write(response("https://a.example/feed/", 200, MediaType.parse("application/rss+xml"), "<rss/>"));
            writer.write(response("mailto:someone@example.com", 200, MediaType.HTML, "<p>no</p>"));
            writer.write(new WarcResponse.Builder("https://a.example/cut/").date(CAPTURED)
                    .truncated(WarcTruncationReason.LENGTH)
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML, new byte[] {'<'}).build())
                    .build());
        }
        List<RawPage> pages = new ArrayList<>();
        List<WarcImportProgress> reports = new ArrayList<>();

        WarcImportProgress done = new WarcImporter((key, page) -> pages.add(page), "archive",
                Set.of("text/html", "application/xhtml+xml"), 100, Duration.ZERO, reports::add)
                .importFiles(List.of(warc));

        assertThat(pages).extracting(RawPage::getUrl)
                .containsExactly("https://a.example/2024/12/one/", "https://a.example/2024/12/xhtml/");
        assertThat(pages.get(0).getFinalUrl()).isEqualTo("https://a.example/2024/12/one/#top");
        assertThat(pages.get(0).getFetchedAt()).isEqualTo(CAPTURED);
        assertThat(pages.get(0).getSource()).isEqualTo("archive");
        assertThat(StandardCharsets.UTF_8.decode(pages.get(0).getBody()).toString()).isEqualTo("<p>واحد</p>");
        assertThat(done.pages()).isEqualTo(2);
        assertThat(done.records()).isEqualTo(7);
        assertThat(done.skipped()).isEqualTo(Map.of("too-large", 1L, "status", 1L, "not-html", 1L,
                "bad-url", 1L, "truncated", 1L));
        assertThat(reports).as("progress after every record at this interval").hasSize(7);
        assertThat(done.toString()).startsWith("2 pages (0.0 MB), 5 skipped (bad-url 1, not-html 1, status 1, ");
    }
}
