package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Redrive;
import io.akhbar.cli.ops.Stage;
import io.akhbar.model.TopicSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "redrive",
        mixinStandardHelpOptions = true,
        description = {
                "Sends dead letters back to the topic they came from (their original key and bytes), once the cause is fixed: a new extractor that no longer throws on a page, a mapping Elasticsearch now accepts, a repaired record. Their stage then processes them as any other record; a letter that fails again becomes a new dead letter.",
                "",
                "Each stage's letters are tracked by a consumer group of its own on the dead-letter topic (akhbar-redrive-<stage>), moved in the same Kafka transaction as the records sent back: running redrive twice sends nothing twice. Each redriven record carries a header akhbar.redriven-from naming its dead letter.",
                "",
                "Use --dry-run first: it lists what would be sent, and marks nothing."},
        footer = {"", "Examples:",
                "  ./akhbar redrive --stage sink --dry-run",
                "  ./akhbar redrive --stage extract",
                "  ./akhbar redrive                        # every stage"})
final class RedriveCommand implements Callable<Integer> {
    @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage's dead letters: extract, enrich or sink; default: all")
    String stage;

    @Option(names = "--dry-run", description = "List what would be sent, and change nothing")
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
        TopicSetup.ensure(config.kafka());
        List<Stage> stages;
        try {
            stages = stage == null ? List.of(Stage.values()) : List.of(Stage.of(stage));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        new Redrive(config, System.out).run(stages, dryRun);
        return 0;
    }
}
