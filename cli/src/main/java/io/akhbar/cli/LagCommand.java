package io.akhbar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Backfills;
import io.akhbar.cli.ops.LagReader;
import io.akhbar.cli.ops.LagSnapshot;
import io.akhbar.cli.ops.LagTable;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.cli.pipeline.ConsumerGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "lag",
        mixinStandardHelpOptions = true,
        description = {
                "Shows how far behind each stage is: consumer lag in records and in seconds, per group, topic and partition.",
                "",
                "For each consumer group of the pipeline (akhbar-extract, akhbar-enrich, akhbar-sink, with the topic prefix), each topic it reads and each partition: the committed offset, the end offset (read_committed, as the admin API gives them), the lag in records, and the lag in seconds, the age of the oldest record the group has not consumed yet (the Kafka timestamp of the record at its committed offset, which Kafka Streams carries from the page's fetch through the stages), 0 when none waits.",
                "",
                "A group replayed on purpose (recorded in the akhbar.ops.backfills.v1 topic) is marked as a backfill until no record before the offsets the replay was to reach is left to consume. On a topic written under exactly-once, a lag of 1 with 0 seconds is the commit marker after the last record: nothing waits.",
                "",
                "The services export the same numbers as akhbar_consumer_lag_records and akhbar_consumer_lag_seconds on /metrics, and show them on their status page."},
        footer = {"", "Examples:", "  ./akhbar lag", "  ./akhbar lag --stage sink --watch",
                "  ./akhbar lag --json | jq '.partitions[] | select(.lagRecords > 0)'",
                "  AKHBAR_KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092 ./akhbar lag --watch"})
final class LagCommand implements Callable<Integer> {
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--watch", description = "Measure again every --interval until Ctrl-C (with --json: one JSON document a line)")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT2S",
            description = "Time between two measurements with --watch (ISO-8601); default: ${DEFAULT-VALUE}")
    Duration interval;

    @Option(names = "--json", description = "Print JSON: measuredAt (epoch milliseconds) and one object per partition")
    boolean json;

    @Option(names = "--stage", paramLabel = "STAGE", split = ",",
            description = "Only these stages' groups: extract, enrich, sink; default: all")
    List<String> stages;

    @Option(names = "--mark-backfill", paramLabel = "STAGE",
            description = "First record that STAGE's group is replayed on purpose (run it right after resetting the group's offsets): its lag is labelled backfill until it has consumed what its topics hold now")
    String backfillStage;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "replay",
            description = "Why, with --mark-backfill; default: ${DEFAULT-VALUE}")
    String reason;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config, spec.commandLine().getOut())) {
            return 0;
        }
        List<MonitoredGroup> groups = ConsumerGroups.all(config).stream()
                .filter(group -> stages == null || stages.contains(group.stage())).toList();
        if (groups.isEmpty()) {
            spec.commandLine().getErr().println("akhbar lag: no stage named " + stages + " (stages: extract, enrich, sink)");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (backfillStage != null) {
            MonitoredGroup replayed = ConsumerGroups.all(config).stream()
                    .filter(group -> group.stage().equals(backfillStage)).findFirst().orElse(null);
            if (replayed == null) {
                spec.commandLine().getErr().println("akhbar lag: no stage named " + backfillStage
                        + " (stages: extract, enrich, sink)");
                return 2;
            }
            Backfills.Backfill backfill = Backfills.markNow(config.kafka(), replayed, reason);
            spec.commandLine().getErr().println("akhbar lag: recorded " + backfill.group() + " is a backfill until it has consumed up to "
                    + new TreeMap<>(backfill.untilOffsets()));
        }
        try (LagReader reader = new LagReader(config.kafka())) {
            while (true) {
                LagSnapshot snapshot = reader.read(groups);
                if (json) {
                    out.println(JSON.writeValueAsString(LagTable.json(snapshot)));
                } else {
                    out.print((watch && System.console() != null ? CLEAR_SCREEN : "") + LagTable.text(snapshot));
                }
                out.flush();
                if (!watch) {
                    return 0;
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }
}
