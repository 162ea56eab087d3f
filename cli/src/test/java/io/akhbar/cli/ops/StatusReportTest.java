package io.akhbar.cli.ops;

import io.akhbar.model.streams.RestoreProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusReportTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final StatusReport report = new StatusReport("demo", registry,
            () -> new ServiceEndpoints.Health(true, Map.of("kafka", ServiceEndpoints.HealthCheck.up("1 broker"))), null);

    @Test
    void onlyTheStagesThisProcessRunsAreShownWithTheirTotals() {
        registry.counter(StatusReport.CRAWL_PAGES, "site", "taif", "outcome", "fetched").increment(5);
        registry.counter(StatusReport.CRAWL_PAGES, "site", "taif", "outcome", "not-modified").increment(3);
        registry.counter(StatusReport.CRAWL_FAILURES, "site", "taif", "reason", "timeout").increment();
        registry.counter(StatusReport.EXTRACT_PAGES, "site", "taif", "outcome", "article").increment(4);
        registry.counter(StatusReport.EXTRACT_PAGES, "site", "taif", "outcome", "not-article").increment();
        registry.counter(StatusReport.DEAD_LETTERS, "stage", "extract", "reason", "SerializationException").increment(2);

        List<Map<String, Object>> stages = stages();
        assertThat(stages).extracting(s -> s.get("stage")).containsExactly("crawl", "extract");
        assertThat(stages.get(0)).containsEntry("processed", 5L).containsEntry("errors", 1L).containsEntry("lagRecords", null);
        assertThat(stages.get(1)).containsEntry("processed", 5L).containsEntry("deadLetters", 2L);
        assertThat(report.build().get("deadLetters"))
                .isEqualTo(List.of(Map.of("stage", "extract", "reason", "SerializationException", "count", 2L)));
    }

    @Test
    void aStreamsStageShowsTheChangelogOffsetsItStillHasToRestore() {
        registry.counter(StatusReport.ENRICH_EMITTED, "duplicate", "none").increment(7);
        Gauge.builder(RestoreProgress.REMAINING_METRIC, () -> 1_250).tag("stage", "enrich").register(registry);
        registry.counter(StatusReport.SINK_DOCUMENTS, "outcome", "indexed").increment(7);

        List<Map<String, Object>> stages = stages();
        assertThat(stages).extracting(s -> s.get("stage")).containsExactly("enrich", "sink");
        assertThat(stages.get(0)).containsEntry("restoringOffsets", 1_250L);
        assertThat(stages.get(1)).containsEntry("restoringOffsets", null);
    }

    @Test
    void aSiteIsJudgedOnItsCrawlAndExtractionCounts() {
        assertThat(new StatusReport.SiteCounts(10, 0, 0, 8, 2, 0, 1).verdict()).isEqualTo("ok");
        assertThat(new StatusReport.SiteCounts(0, 4, 0, 0, 0, 0, 0).verdict()).isEqualTo("failing");
        assertThat(new StatusReport.SiteCounts(10, 0, 0, 6, 0, 2, 0).verdict()).isEqualTo("empty extractions");
        assertThat(new StatusReport.SiteCounts(10, 0, 0, 9, 0, 1, 0).verdict()).isEqualTo("ok");
        assertThat(new StatusReport.SiteCounts(10, 0, 0, 8, 0, 0, 5).verdict()).isEqualTo("missing dates");
        assertThat(new StatusReport.SiteCounts(0, 0, 0, 0, 0, 0, 0).verdict()).isEqualTo("idle");
    }

    @Test
    void sitesJoinTheCrawlersAndTheExtractorsCountsByName() {
        registry.counter(StatusReport.CRAWL_PAGES, "site", "taif", "outcome", "fetched").increment(3);
        registry.counter(StatusReport.EXTRACT_PAGES, "site", "taif", "outcome", "empty").increment(3);
        registry.counter(StatusReport.EXTRACT_PAGES, "site", "sham", "outcome", "article").increment(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) report.build().get("sites");
        assertThat(sites).extracting(s -> s.get("site")).containsExactly("sham", "taif");
        assertThat(sites.get(1)).containsEntry("fetched", 3L).containsEntry("empty", 3L)
                .containsEntry("health", "empty extractions");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> stages() {
        return (List<Map<String, Object>>) report.build().get("stages");
    }
}
