package io.akhbar.ingest.warc;

import io.akhbar.ingest.crawl.RawPageSink;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds archived HTTP responses from WARC files (plain or gzipped, as Common Crawl News publishes them) to the
 * raw-pages sink, as if the crawler had fetched them: the archived HTML responses with status 2xx, their bodies
 * with transfer and content encodings removed, keyed by the article key of the canonical URL, dated by the capture.
 * Everything else is counted and skipped. Reading is done by jwarc.
 */
public final class WarcImporter {
    private static final Logger log = LoggerFactory.getLogger(WarcImporter.class);
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "etag", "last-modified");

    private final RawPageSink sink;
    private final String source;
    private final Set<String> contentTypes;
    private final int maxBodyBytes;
    private final Duration reportEvery;
    private final Consumer<WarcImportProgress> listener;
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    private long started;
    private long lastReport;
    private int files;
    private long records;
    private long pages;
    private long bytes;
    private final Map<String, Long> skipped = new HashMap<>();

    /**
     * @param source       source id given to every page, or null
     * @param contentTypes media types imported, lower case without parameters
     * @param listener     told the progress every {@code reportEvery}
     */
    public WarcImporter(RawPageSink sink, String source, Set<String> contentTypes, int maxBodyBytes,
                        Duration reportEvery, Consumer<WarcImportProgress> listener) {
        this.sink = sink;
        this.source = source;
        this.contentTypes = Set.copyOf(contentTypes);
        this.maxBodyBytes = maxBodyBytes;
        this.reportEvery = reportEvery;
        this.listener = listener;
    }

    /** Imports the files one after the other; returns the final counts. */
    public WarcImportProgress importFiles(List<Path> warcFiles) throws IOException {
        started = System.nanoTime();
        lastReport = started;
        for (Path file : warcFiles) {
            files++;
            try (WarcReader reader = new WarcReader(file)) {
                reader.onWarning(warning -> log.debug("{}: {}", file, warning));
                for (WarcRecord record : reader) {
                    records++;
                    if (record instanceof WarcResponse response) {
                        importResponse(response, file);
                    } else if (record instanceof WarcRevisit) {
                        skip("revisit");
                    }
                    if (System.nanoTime() - lastReport >= reportEvery.toNanos()) {
                        lastReport = System.nanoTime();
                        listener.accept(progress());
                    }
                }
            }
        }
        return progress();
    }

    public WarcImportProgress progress() {
        return new WarcImportProgress(files, records, pages, bytes, skipped,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void importResponse(WarcResponse response, Path file) {
        Optional<RawPage> page = pageOf(response, file);
        if (page.isPresent()) {
            sink.accept(ArticleKeys.of(page.get().getUrl()), page.get());
            pages++;
            bytes += page.get().getBody().remaining();
        }
    }

    /** The raw page of an archived response, or empty, counted as skipped with its reason. */
    private Optional<RawPage> pageOf(WarcResponse response, Path file) {
        try {
            if (response.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                return skip("truncated");
            }
            Optional<String> url = canonicalizer.canonicalize(response.target());
            if (url.isEmpty()) {
                return skip("bad-url");
            }
            HttpResponse http = response.http();
            if (http.status() < 200 || http.status() >= 300) {
                return skip("status");
            }
            Optional<String> contentType = http.headers().first("content-type");
            MediaType mediaType = contentType.map(MediaType::parseLeniently)
                    .orElseGet(() -> response.identifiedPayloadType().orElse(MediaType.OCTET_STREAM));
            if (!contentTypes.contains(mediaType.base().toString().toLowerCase(Locale.ROOT))) {
                return skip("not-html");
            }
            Optional<byte[]> body = readAtMost(http.bodyDecoded().stream(), maxBodyBytes);
            if (body.isEmpty()) {
                return skip("too-large");
            }
            Map<String, String> headers = new HashMap<>();
            for (String name : KEPT_HEADERS) {
                http.headers().first(name).ifPresent(value -> headers.put(name, value));
            }
            contentType.ifPresentOrElse(value -> headers.put("content-type", value),
                    () -> headers.put("content-type", mediaType.toString()));
            return Optional.of(RawPage.newBuilder()
                    .setUrl(url.get())
                    .setFinalUrl(response.target())
                    .setSource(source)
                    .setStatus(http.status())
                    .setHeaders(headers)
                    .setFetchedAt(response.date())
                    .setBody(ByteBuffer.wrap(body.get()))
                    .build());
        } catch (IOException | RuntimeException e) {
            log.debug("unreadable response in {}: {} {}", file, response.target(), e.toString());
            return skip("unreadable");
        }
    }

    private Optional<RawPage> skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
        return Optional.empty();
    }

    private static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
    }
}
