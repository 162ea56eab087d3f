package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Replay;
import io.akhbar.cli.ops.ReplayFrom;
import io.akhbar.cli.ops.Stage;
import io.akhbar.model.TopicSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Makes one stage process its input again from a point in time, e.g. after an extractor or tagger upgrade. The stage's records downstream are produced again and the next stages take them as usual: the index is updated where the new output is newer (document versions grow with the tagger, the content and the story), and left alone otherwise, so a replay never duplicates a document.",
                "",
                "extract and enrich are Kafka Streams applications and are reset with Kafka's own reset procedure (kafka-streams-application-reset): their input topic goes back to TIME, enrich's band topics are skipped to their end, and their state is deleted (rebuilt by the replay). sink moves its consumer group back to TIME.",
                "",
                "The stage must be stopped first (every instance); replay refuses while its group has members. It also refuses a TIME the stage has not reached yet, which would skip records. TIME is when records entered the stage's input topic (their Kafka timestamp), not when the articles were published. Use --dry-run first: it prints, per partition, where the stage is, where it would go and how many records it would process again.",
                "",
                "The replay is recorded as a backfill (topic akhbar.ops.backfills.v1) until the stage reaches the offsets the topics had at the reset, so lag dashboards show it as such."},
        footer = {"", "Examples:",
                "  ./akhbar replay --stage enrich --from earliest --dry-run",
                "  ./akhbar replay --stage enrich --from earliest   # enrich stopped everywhere",
                "  ./akhbar replay --stage extract --from 2024-05-01T00:00:00Z",
                "  ./akhbar replay --stage sink --from P2D          # the last two days again"})
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "extract, enrich or sink")
    String stage;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "earliest; an instant (2024-05-01T08:00:00Z, or with an offset +03:00); a date (2024-05-01,"
                    + " midnight UTC); or a duration back from now (PT6H, P2D)")
    String from;

    @Option(names = "--dry-run", description = "Print what would move, and change nothing")
    boolean dryRun;

    @Mixin
    ConfigOptions configOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        Clock clock = Clock.systemUTC();
        Stage chosen;
        ReplayFrom start;
        try {
            chosen = Stage.of(stage);
            start = ReplayFrom.parse(from, clock);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TopicSetup.ensure(config.kafka());
        try {
            new Replay(config, System.out, clock).run(chosen, start, dryRun);
            return 0;
        } catch (Replay.RefusedException e) {
            System.err.println("akhbar replay: refused: " + e.getMessage());
            return 1;
        }
    }
}
