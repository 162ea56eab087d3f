package io.akhbar.cli.ops;

import io.akhbar.model.streams.RestoreProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the status page shows, from this process's own meters and lag measurement: per stage what it processed, its
 * lag and dead letters; per site what the crawler and the extractor made of it; freshness; health. Totals only:
 * the page computes rates from two readings.
 */
public final class StatusReport {
    public static final String CRAWL_PAGES = "akhbar.crawl.pages";
    public static final String CRAWL_FAILURES = "akhbar.crawl.failures";
    public static final String CRAWL_ROBOTS_DENIED = "akhbar.crawl.robots.denied";
    public static final String EXTRACT_PAGES = "akhbar.extract.pages";
    public static final String ENRICH_EMITTED = "akhbar.enrich.emitted";
    public static final String SINK_DOCUMENTS = "akhbar.sink.documents";
    public static final String DEAD_LETTERS = "akhbar.deadletters";
    public static final String FRESHNESS = "akhbar.sink.freshness";
    /** A site whose extractions come out empty this often has probably changed its template. */
    static final double EMPTY_SHARE_ALERT = 0.25;

    private final String service;
    private final MeterRegistry registry;
    private final Supplier<ServiceEndpoints.Health> health;
    private final LagMonitor lag;

    /** @param lag null when this process watches no group */
    public StatusReport(String service, MeterRegistry registry, Supplier<ServiceEndpoints.Health> health, LagMonitor lag) {
        this.service = service;
        this.registry = registry;
        this.health = health;
        this.lag = lag;
    }

    public Map<String, Object> build() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("service", service);
        report.put("time", Instant.now().toEpochMilli());
        report.put("health", health());
        LagSnapshot snapshot = lag == null ? LagSnapshot.NONE : lag.latest();
        report.put("stages", stages(snapshot));
        report.put("lag", lag(snapshot));
        report.put("deadLetters", deadLetters());
        report.put("sites", sites());
        report.put("freshness", freshness());
        return report;
    }

    private Map<String, Object> health() {
        ServiceEndpoints.Health current = health.get();
        Map<String, Object> checks = new LinkedHashMap<>();
        current.checks().forEach((name, check) -> checks.put(name, Map.of("up", check.healthy(),
                "detail", String.valueOf(check.detail()))));
        return Map.of("status", current.healthy() ? "UP" : "DOWN", "checks", checks);
    }

    private record Stage(String name, String unit, Search processed, Search errors) {
    }

    private List<Map<String, Object>> stages(LagSnapshot snapshot) {
        List<Stage> stages = List.of(
                new Stage("crawl", "pages fetched", registry.find(CRAWL_PAGES).tag("outcome", "fetched"),
                        registry.find(CRAWL_FAILURES)),
                new Stage("extract", "pages read", registry.find(EXTRACT_PAGES), null),
                new Stage("enrich", "articles emitted", registry.find(ENRICH_EMITTED), null),
                new Stage("sink", "documents indexed", registry.find(SINK_DOCUMENTS).tag("outcome", "indexed"),
                        registry.find(SINK_DOCUMENTS).tag("outcome", "rejected")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Stage stage : stages) {
            List<LagSnapshot.Entry> lags = snapshot.partitions().stream().filter(e -> e.stage().equals(stage.name())).toList();
            boolean watched = lag != null && lag.groups().stream().anyMatch(g -> g.stage().equals(stage.name()));
            if (stage.processed().counters().isEmpty() && !watched) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", stage.name());
            row.put("unit", stage.unit());
            row.put("processed", sum(stage.processed()));
            row.put("errors", stage.errors() == null ? 0 : sum(stage.errors()));
            row.put("deadLetters", sum(registry.find(DEAD_LETTERS).tag("stage", stage.name())));
            row.put("lagRecords", watched ? lags.stream().mapToLong(LagSnapshot.Entry::lagRecords).sum() : null);
            row.put("lagSeconds", watched ? number(lags.stream().mapToDouble(LagSnapshot.Entry::lagSeconds).max().orElse(0)) : null);
            row.put("restoringOffsets", restoringOffsets(stage.name()));
            rows.add(row);
        }
        return rows;
    }

    /** Changelog offsets the stage's Streams application still has to restore; null when it runs none here. */
    private Long restoringOffsets(String stage) {
        Gauge gauge = registry.find(RestoreProgress.REMAINING_METRIC).tag("stage", stage).gauge();
        return gauge == null ? null : (long) gauge.value();
    }

    private Map<String, Object> lag(LagSnapshot snapshot) {
        Map<String, Object> lagReport = new LinkedHashMap<>(LagTable.json(snapshot));
        lagReport.put("failure", lag == null ? null : lag.failure());
        return lagReport;
    }

    private List<Map<String, Object>> deadLetters() {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(DEAD_LETTERS).counters()) {
            counts.merge(counter.getId().getTag("stage") + "\u0000" + counter.getId().getTag("reason"),
                    (long) counter.count(), Long::sum);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", 2);
            rows.add(Map.of("stage", parts[0], "reason", parts[1], "count", count));
        });
        return rows;
    }

    private List<Map<String, Object>> sites() {
        TreeSet<String> sites = new TreeSet<>();
        for (String name : List.of(CRAWL_PAGES, CRAWL_FAILURES, EXTRACT_PAGES)) {
            registry.find(name).counters().stream().map(c -> c.getId().getTag("site"))
                    .filter(Objects::nonNull).forEach(sites::add);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String site : sites) {
            SiteCounts counts = new SiteCounts(
                    sum(registry.find(CRAWL_PAGES).tags("site", site, "outcome", "fetched")),
                    sum(registry.find(CRAWL_FAILURES).tag("site", site)),
                    sum(registry.find(CRAWL_ROBOTS_DENIED).tag("site", site)),
                    sum(registry.find(EXTRACT_PAGES).tags("site", site, "outcome", "article")),
                    sum(registry.find(EXTRACT_PAGES).tags("site", site, "outcome", "not-article")),
                    sum(registry.find(EXTRACT_PAGES).tags("site", site, "outcome", "empty")),
                    sum(registry.find(EXTRACT_PAGES).tags("site", site, "outcome", "missing-date")));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("site", site);
            row.put("fetched", counts.fetched());
            row.put("failures", counts.failures());
            row.put("robotsDenied", counts.robotsDenied());
            row.put("articles", counts.articles());
            row.put("notArticles", counts.notArticles());
            row.put("empty", counts.empty());
            row.put("missingDate", counts.missingDate());
            row.put("health", counts.verdict());
            rows.add(row);
        }
        return rows;
    }

    /** A site's counts; {@code missingDate} articles are among {@code articles}. */
    record SiteCounts(long fetched, long failures, long robotsDenied, long articles, long notArticles, long empty,
                      long missingDate) {
        String verdict() {
            if (failures > 0 && fetched == 0) {
                return "failing";
            }
            if (empty > 0 && empty >= EMPTY_SHARE_ALERT * (articles + empty)) {
                return "empty extractions";
            }
            if (missingDate > 0 && missingDate >= EMPTY_SHARE_ALERT * articles) {
                return "missing dates";
            }
            return fetched + articles + notArticles + empty == 0 ? "idle" : "ok";
        }
    }

    private Map<String, Object> freshness() {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Timer timer : registry.find(FRESHNESS).timers()) {
            rows.put(timer.getId().getTag("since"), Map.of(
                    "count", timer.count(),
                    "meanSeconds", timer.mean(TimeUnit.MILLISECONDS) / 1000.0,
                    "maxSeconds", timer.max(TimeUnit.MILLISECONDS) / 1000.0));
        }
        return rows;
    }

    private static long sum(Search search) {
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /** JSON has no NaN: an unknown value is null. */
    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
