package io.akhbar.cli.ops;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LagTableTest {
    private static final LagSnapshot SNAPSHOT = new LagSnapshot(Instant.parse("2025-03-01T10:00:00Z"), List.of(
            new LagSnapshot.Entry("extract", "akhbar-extract", "akhbar.raw.v1", 0, 1200, 1250, 50, 73.25, false),
            new LagSnapshot.Entry("sink", "akhbar-sink", "akhbar.enriched.v1", 11, 7, 7, 0, 0, true),
            new LagSnapshot.Entry("sink", "akhbar-sink", "akhbar.enriched.v1", 12, 3, 9, 6, Double.NaN, true)));

    @Test
    void theTextTableHasOneAlignedLinePerPartition() {
        String[] lines = LagTable.text(SNAPSHOT).split("\n");
        assertThat(lines[0]).isEqualTo("lag measured at 2025-03-01T10:00:00Z");
        assertThat(lines[1]).startsWith("STAGE    GROUP           TOPIC               PARTITION  COMMITTED   END  LAG  LAG-SECONDS  BACKFILL");
        assertThat(lines[2]).isEqualTo("extract  akhbar-extract  akhbar.raw.v1               0       1200  1250   50         73.3  -");
        assertThat(lines[3]).isEqualTo("sink     akhbar-sink     akhbar.enriched.v1         11          7     7    0          0.0  yes");
        assertThat(lines[4]).endsWith("  6            ?  yes");
        assertThat(lines).hasSize(5);
    }

    @Test
    void jsonCarriesTheMeasurementTimeAndAnUnknownTimeLagAsNull() {
        Map<String, Object> json = LagTable.json(SNAPSHOT);
        assertThat(json.get("measuredAt")).isEqualTo(Instant.parse("2025-03-01T10:00:00Z").toEpochMilli());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("partitions");
        assertThat(rows.get(0)).containsEntry("group", "akhbar-extract").containsEntry("committed", 1200L)
                .containsEntry("end", 1250L).containsEntry("lagRecords", 50L).containsEntry("lagSeconds", 73.25)
                .containsEntry("backfill", false);
        assertThat(rows.get(2)).containsEntry("lagSeconds", null).containsEntry("backfill", true);
    }

    @Test
    void nothingMeasuredYetHasNoTime() {
        assertThat(LagTable.json(LagSnapshot.NONE)).containsEntry("measuredAt", null).containsEntry("partitions", List.of());
    }
}
