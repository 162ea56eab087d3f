package io.akhbar.ingest.warc;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far an import has come.
 *
 * @param files     WARC files begun
 * @param records   WARC records read, of every type
 * @param pages     archived HTML responses handed on as raw pages
 * @param bytes     bytes of those pages' bodies, after content decoding
 * @param skipped   responses not handed on, by reason: {@code not-html}, {@code status} (not 2xx),
 *                  {@code revisit} (a deduplicated capture without a body), {@code truncated}, {@code too-large},
 *                  {@code bad-url}, {@code unreadable}
 * @param elapsed   time since the import began
 */
public record WarcImportProgress(int files, long records, long pages, long bytes, Map<String, Long> skipped,
                                 Duration elapsed) {

    public WarcImportProgress {
        skipped = Map.copyOf(skipped);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public double pagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : pages / seconds;
    }

    @Override
    public String toString() {
        String reasons = new TreeMap<>(skipped).entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        return String.format("%d pages (%.1f MB), %d skipped%s, %d records, %.0f pages/s, %d file(s), %s",
                pages, bytes / 1e6, skippedTotal(), reasons.isEmpty() ? "" : " (" + reasons + ")", records,
                pagesPerSecond(), files, elapsed.truncatedTo(ChronoUnit.SECONDS));
    }
}
