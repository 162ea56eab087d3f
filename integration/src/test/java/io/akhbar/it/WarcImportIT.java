package io.akhbar.it;

import io.akhbar.cli.Akhbar;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.RawPage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./akhbar import-warc} on a gzipped WARC file the test writes with jwarc, into the raw-pages topic of the real
 * broker: the HTML responses become raw pages as the crawler would have produced them, everything else is skipped
 * and counted.
 */
class WarcImportIT {
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Instant CAPTURED = Instant.parse("2024-12-01T01:25:42Z");
    private static final String ARTICLE = "https://news.example/2024/12/erdogan-putin/?utm_source=cc";
    private static final String GZIPPED = "https://news.example/2024/12/idlib/";

    @TempDir
    Path dir;

    @Test
    void importsTheArchivedHtmlResponsesAsRawPagesAndCountsWhatItSkips() throws Exception {
        Stack stack = Stacks.shared();
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path config = Files.writeString(dir.resolve("akhbar.yaml"),
                "kafka:\n  bootstrapServers: " + stack.kafkaBootstrapServers() + "\n  topicPrefix: " + prefix + "\n");
        Path warc = dir.resolve("CC-NEWS-test.warc.gz");
        byte[] arabic = "<html><head><title>أردوغان وبوتين</title></head><body><p>مباحثات في إدلب</p></body></html>"
                .getBytes(WINDOWS_1256);
        String idlib = "<html><body><h1>إدلب</h1><p>نص الخبر</p></body></html>";
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response(ARTICLE, new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("text/html; charset=windows-1256"), arabic).build()));
            writer.write(response(GZIPPED, new HttpResponse.Builder(200, "OK")
                    .setHeader("Content-Encoding", "gzip")
                    .setHeader("ETag", "\"idlib-1\"")
                    .body(MediaType.HTML_UTF8, gzip(idlib.getBytes(StandardCharsets.UTF_8))).build()));
            writer.write(response("https://news.example/logo.png", new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build()));
            writer.write(response("https://news.example/missing/", new HttpResponse.Builder(404, "Not Found")
                    .body(MediaType.HTML, "<html>gone</html>".getBytes(StandardCharsets.UTF_8)).build()));
            writer.write(new WarcRevisit.Builder(URI.create(GZIPPED), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                    .date(CAPTURED.plusSeconds(3600))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML, new byte[0]).build()).build());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = runCapturing(out, err, "import-warc", "--config", config.toString(), "--source", "archive",
                warc.toString());

        System.out.print(out.toString(StandardCharsets.UTF_8));
        assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 pages").contains("3 skipped")
                .contains("not-html 1").contains("revisit 1").contains("status 1");

        KafkaSettings kafka = KafkaSettings.of(stack.kafkaBootstrapServers()).withTopicPrefix(prefix);
        Map<String, RawPage> pages = TopicRecords.all(kafka, kafka.topics().rawPages()).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, record -> AkhbarSerdes.RAW_PAGE.decode(record.value())));
        String canonical = "https://news.example/2024/12/erdogan-putin/";
        assertThat(pages).containsOnlyKeys(ArticleKeys.of(canonical), ArticleKeys.of(GZIPPED));

        RawPage article = pages.get(ArticleKeys.of(canonical));
        assertThat(article.getUrl()).isEqualTo(canonical);
        assertThat(article.getFinalUrl()).isEqualTo(ARTICLE);
        assertThat(article.getSource()).isEqualTo("archive");
        assertThat(article.getStatus()).isEqualTo(200);
        assertThat(article.getFetchedAt()).isEqualTo(CAPTURED);
        assertThat(article.getHeaders().get("content-type")).startsWith("text/html").contains("windows-1256");
        assertThat(bytes(article)).as("body bytes as archived").isEqualTo(arabic);

        RawPage decoded = pages.get(ArticleKeys.of(GZIPPED));
        assertThat(new String(bytes(decoded), StandardCharsets.UTF_8)).isEqualTo(idlib);
        assertThat(decoded.getHeaders()).containsEntry("etag", "\"idlib-1\"").doesNotContainKey("content-encoding");
    }

    private static WarcResponse response(String url, HttpResponse http) throws IOException {
        return new WarcResponse.Builder(url).date(CAPTURED).body(http).build();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        }
        return compressed.toByteArray();
    }

    private static byte[] bytes(RawPage page) {
        byte[] body = new byte[page.getBody().remaining()];
        page.getBody().duplicate().get(body);
        return body;
    }

    /** Runs a command as {@code ./akhbar} would, with its standard output and error captured. */
    private static int runCapturing(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Akhbar.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
