package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.Reindex;
import io.akhbar.model.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
                "Builds a new generation of the index (news-000002 after news-000001) from the enriched topic while the alias keeps serving the current one, then moves the alias over in one atomic request once the new index has caught up: searches and the running sink switch at the same instant, and nothing is lost or duplicated. Use it after a mapping or analyzer change (e.g. once the Arabic analysis plugin is installed), or to compact an index.",
                "",
                "The new index is filled by a sink of its own (consumer group <sink group>-reindex-<index>), through the staging alias <alias>.reindex; progress is printed as it goes. The running sink needs no pause. Ctrl-C stops the reindex cleanly, and running reindex again resumes it.",
                "",
                "The enriched topic must still hold every article: the swap is refused when the new index has fewer documents than the live one (say, the topic's retention dropped old records), unless --force is given. The old index is kept, out of the alias, unless --delete-old is given."},
        footer = {"", "Examples:",
                "  ./akhbar reindex",
                "  ./akhbar reindex --delete-old"})
final class ReindexCommand implements Callable<Integer> {
    @Option(names = "--delete-old", description = "Delete the old index once the alias has moved")
    boolean deleteOld;

    @Option(names = "--force", description = "Swap even if the new index has fewer documents than the live one")
    boolean force;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        TopicSetup.ensure(config.kafka());
        Reindex reindex = new Reindex(config, System.out, Clock.systemUTC(), Duration.ofSeconds(2));
        Runtime.getRuntime().addShutdownHook(new Thread(reindex::stop, "akhbar-reindex-stop"));
        return reindex.run(deleteOld, force).swapped() ? 0 : 1;
    }
}
