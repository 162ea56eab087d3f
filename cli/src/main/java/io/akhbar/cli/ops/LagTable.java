package io.akhbar.cli.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A lag measurement as the terminal and the status page show it: a text table, or rows for JSON. */
public final class LagTable {
    private static final List<String> HEADER = List.of("STAGE", "GROUP", "TOPIC", "PARTITION", "COMMITTED", "END",
            "LAG", "LAG-SECONDS", "BACKFILL");
    /** Columns holding numbers, aligned right. */
    private static final int FIRST_NUMBER_COLUMN = 3;
    private static final int LAST_NUMBER_COLUMN = 7;

    private LagTable() {
    }

    /** {@code measuredAt} (epoch milliseconds) and one map per partition, as {@code ./akhbar lag --json} prints. */
    public static Map<String, Object> json(LagSnapshot snapshot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", snapshot == LagSnapshot.NONE ? null : snapshot.measuredAt().toEpochMilli());
        json.put("partitions", rows(snapshot));
        return json;
    }

    static List<Map<String, Object>> rows(LagSnapshot snapshot) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LagSnapshot.Entry entry : snapshot.partitions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", entry.stage());
            row.put("group", entry.group());
            row.put("topic", entry.topic());
            row.put("partition", entry.partition());
            row.put("committed", entry.committed());
            row.put("end", entry.end());
            row.put("lagRecords", entry.lagRecords());
            // JSON has no NaN: an unknown time lag is null.
            row.put("lagSeconds", Double.isNaN(entry.lagSeconds()) ? null : entry.lagSeconds());
            row.put("backfill", entry.backfill());
            rows.add(row);
        }
        return rows;
    }

    public static String text(LagSnapshot snapshot) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (LagSnapshot.Entry entry : snapshot.partitions()) {
            lines.add(List.of(entry.stage(), entry.group(), entry.topic(), String.valueOf(entry.partition()),
                    String.valueOf(entry.committed()), String.valueOf(entry.end()), String.valueOf(entry.lagRecords()),
                    seconds(entry.lagSeconds()), entry.backfill() ? "yes" : "-"));
        }
        int[] widths = new int[HEADER.size()];
        lines.forEach(line -> {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder("lag measured at ").append(snapshot.measuredAt()).append('\n');
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                boolean number = i >= FIRST_NUMBER_COLUMN && i <= LAST_NUMBER_COLUMN;
                text.append(i == 0 ? "" : "  ").append(number ? padding + cell : cell + padding);
            }
            text.setLength(text.toString().stripTrailing().length());
            text.append('\n');
        }
        return text.toString();
    }

    /** Seconds with one decimal, as the status page shows them; "?" when unknown. */
    public static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "?" : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
