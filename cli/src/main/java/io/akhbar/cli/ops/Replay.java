package io.akhbar.cli.ops;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.model.streams.StreamsRunner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.StreamsResetter;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a stage back to a point in time so that it processes its input again: a Kafka Streams stage (extract,
 * enrich) through Kafka's own reset procedure, the sink by moving its consumer group. The stage must be stopped;
 * downstream stages keep running and take what the replay produces (the sink's versioning keeps the index right).
 * Each replay is recorded as a backfill ({@link Backfills}), so lag dashboards show it as such.
 */
public final class Replay {
    private final AkhbarConfig config;
    private final PrintStream out;
    private final Clock clock;

    public Replay(AkhbarConfig config, PrintStream out, Clock clock) {
        this.config = config;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Where one partition of the stage's input stands and where the replay puts it.
     *
     * @param current the group's committed offset, or the partition's first offset if it never committed
     * @param target  where the stage resumes
     * @param end     the partition's end (last stable offset)
     */
    public record PartitionMove(TopicPartition partition, long current, long target, long end) {
        /** Offsets between the new position and the end: the records to process again (and transaction markers). */
        public long toReplay() {
            return Math.max(0, end - target);
        }

        /** The replay would jump over records the stage has not processed yet. */
        public boolean skipsAhead() {
            return target > current;
        }
    }

    /**
     * What a replay of {@code stage} does, as read from Kafka now.
     *
     * @param intermediateTopics topics skipped to their end (a Streams stage's loop topics)
     * @param internalTopics     the Streams application's internal topics, deleted by the reset (its state)
     * @param members            consumers in the stage's group now: a replay needs none
     */
    public record Plan(Stage stage, String group, ReplayFrom from, List<PartitionMove> moves,
                       List<String> intermediateTopics, List<String> internalTopics, List<String> members) {
        public long toReplay() {
            return moves.stream().mapToLong(PartitionMove::toReplay).sum();
        }

        public List<PartitionMove> skippingAhead() {
            return moves.stream().filter(PartitionMove::skipsAhead).toList();
        }

        public Map<TopicPartition, Long> targets() {
            Map<TopicPartition, Long> targets = new LinkedHashMap<>();
            moves.forEach(m -> targets.put(m.partition(), m.target()));
            return targets;
        }

        public Map<TopicPartition, Long> ends() {
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            moves.forEach(m -> ends.put(m.partition(), m.end()));
            return ends;
        }
    }

    /** Thrown when the replay would do harm: the stage is running, or the time given would skip records. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    public Plan plan(Stage stage, ReplayFrom from) {
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            KafkaOffsets offsets = new KafkaOffsets(admin);
            String group = stage.group(config);
            List<TopicPartition> partitions = offsets.partitions(stage.inputTopics(config));
            Map<TopicPartition, Long> committed = offsets.committed(group);
            Map<TopicPartition, Long> first = offsets.earliest(partitions);
            Map<TopicPartition, Long> ends = offsets.ends(partitions);
            Map<TopicPartition, Long> targets = from.earliest() ? first : offsets.at(partitions, from.time());
            List<PartitionMove> moves = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                moves.add(new PartitionMove(partition, committed.getOrDefault(partition, first.get(partition)),
                        targets.get(partition), ends.get(partition)));
            }
            List<String> internal = stage.streamsApplication() ? internalTopics(offsets, group) : List.of();
            return new Plan(stage, group, from, moves, stage.intermediateTopics(config), internal, offsets.members(group));
        }
    }

    /**
     * Prints the plan, then, unless {@code dryRun}, resets the stage and records the backfill.
     *
     * @throws RefusedException if the stage is running or the replay would skip unprocessed records (a dry run
     *                          prints why instead)
     */
    public Plan run(Stage stage, ReplayFrom from, boolean dryRun) {
        Plan plan = plan(stage, from);
        print(plan);
        List<String> refusals = refusals(plan);
        if (dryRun) {
            refusals.forEach(reason -> out.println("A replay now would be refused: " + reason));
            if (stage.streamsApplication() && plan.members().isEmpty()) {
                runStreamsReset(plan, true);
            }
            out.println("Dry run: nothing changed.");
            return plan;
        }
        if (!refusals.isEmpty()) {
            throw new RefusedException(String.join("\n", refusals));
        }
        if (stage.streamsApplication()) {
            runStreamsReset(plan, false);
            clearLocalState(stage);
        } else {
            try (Admin admin = Admin.create(config.kafka().clientConfig())) {
                new KafkaOffsets(admin).alter(plan.group(), plan.targets());
            }
            out.printf("Moved consumer group %s.%n", plan.group());
        }
        Backfills.start(config.kafka(), new Backfills.Backfill(plan.group(), clock.instant(),
                "replay --stage " + stage.label() + " --from " + (from.earliest() ? "earliest" : from.time()),
                untilOffsets(plan)));
        out.printf("Recorded as a backfill of %s (until the offsets above) in %s.%n", plan.group(),
                Backfills.topic(config.kafka()));
        out.printf("Start %s again: it goes through %,d offsets again.%n", stage.service(), plan.toReplay());
        return plan;
    }

    private void print(Plan plan) {
        Stage stage = plan.stage();
        out.printf("Replay of stage %s from %s: %s %s%n", stage.label(), plan.from(),
                stage.streamsApplication() ? "Kafka Streams application" : "consumer group", plan.group());
        int width = plan.moves().stream().mapToInt(m -> m.partition().toString().length()).max().orElse(10);
        out.printf("  %-" + width + "s %12s %12s %12s %12s%n", "partition", "now at", "replay from", "end", "to replay");
        for (PartitionMove move : plan.moves()) {
            out.printf("  %-" + width + "s %12d %12d %12d %12d%s%n", move.partition(), move.current(), move.target(),
                    move.end(), move.toReplay(), move.skipsAhead() ? "  (would skip records not processed yet)" : "");
        }
        out.printf("  %,d offsets to process again (the records, and a marker per transaction where the topic is written"
                + " transactionally)%n", plan.toReplay());
        if (!plan.intermediateTopics().isEmpty()) {
            out.printf("  skipped to their end (records of the processing being replaced): %s%n",
                    String.join(", ", plan.intermediateTopics()));
        }
        if (stage.streamsApplication()) {
            out.printf("  state deleted, then rebuilt by the replay: %s%n",
                    plan.internalTopics().isEmpty() ? "none (the stage keeps no state)" : String.join(", ", plan.internalTopics()));
        }
        if (stage == Stage.ENRICH && !plan.from().earliest()) {
            out.printf("  note: enrich forgets the articles before %s, so stories are found among the replayed articles"
                    + " only; to keep stories that began up to enrich.window (%s) earlier, replay from that much earlier%n",
                    plan.from().time(), config.enrich().window());
        }
    }

    private List<String> refusals(Plan plan) {
        List<String> refusals = new ArrayList<>();
        if (!plan.members().isEmpty()) {
            refusals.add(String.format("%s %s is running (%d members: %s). %s needs it stopped: stop every %s"
                            + " instance (a crashed one leaves the group after its session timeout), then run the replay"
                            + " again.", plan.stage().streamsApplication() ? "the Kafka Streams application" : "the consumer group",
                    plan.group(), plan.members().size(), String.join(", ", plan.members()),
                    plan.stage().streamsApplication() ? "A Streams reset" : "Moving its offsets", plan.stage().service()));
        }
        List<PartitionMove> ahead = plan.skippingAhead();
        if (!ahead.isEmpty()) {
            long skipped = ahead.stream().mapToLong(m -> m.target() - m.current()).sum();
            refusals.add(String.format("stage %s has not reached %s yet on %s: replaying from there would skip %,d"
                            + " records it has not processed. Let it catch up, or replay from an earlier time.",
                    plan.stage().label(), plan.from(), ahead.stream().map(m -> m.partition().toString()).toList(), skipped));
        }
        return refusals;
    }

    private void runStreamsReset(Plan plan, boolean dryRun) {
        out.printf("Kafka Streams reset tool%s:%n", dryRun ? " (dry run)" : "");
        StreamsReset.Outcome outcome = StreamsReset.run(config.kafka(), plan.group(),
                plan.stage().inputTopics(config), plan.intermediateTopics(), plan.from(), dryRun);
        outcome.output().lines().forEach(line -> out.println("  | " + line));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("the Kafka Streams reset tool failed (exit code " + outcome.exitCode()
                    + "); see its output above");
        }
    }

    /**
     * A reset application must start without local state ({@code KafkaStreams#cleanUp}); done here for this machine,
     * which is where a single-machine deployment keeps it.
     */
    private void clearLocalState(Stage stage) {
        StreamsRunner runner = switch (stage) {
            case EXTRACT -> new ExtractService(config).runner();
            case ENRICH -> new EnrichService(config).runner();
            case SINK -> throw new IllegalArgumentException("the sink is not a Streams application");
        };
        try {
            runner.streams().cleanUp();
        } finally {
            runner.close();
        }
        out.printf("Cleared the local state of %s on this machine. On any other machine that runs %s, delete its"
                + " state directory (<stateDir>/%s) before starting it.%n", stage.group(config), stage.service(),
                stage.group(config));
    }

    /** The topics the reset tool deletes: named after the application, in a Streams internal topic's format. */
    private static List<String> internalTopics(KafkaOffsets offsets, String group) {
        return offsets.topicNames().stream()
                .filter(name -> name.startsWith(group + "-") && StreamsResetter.matchesInternalTopicFormat(name))
                .sorted()
                .toList();
    }

    private static Map<String, Long> untilOffsets(Plan plan) {
        Map<String, Long> until = new LinkedHashMap<>();
        plan.ends().forEach((partition, end) -> until.put(Backfills.Backfill.partitionKey(partition), end));
        return until;
    }
}
