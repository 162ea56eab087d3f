package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.EnrichService;
import io.akhbar.enrich.StateLayout;
import io.akhbar.model.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "enrich",
        mixinStandardHelpOptions = true,
        description = {
                "The enrich service (Kafka Streams, exactly-once): articles -> normalised, deduplicated, grouped",
                "into stories, tagged -> the enriched topic. Start more instances with the same settings to scale",
                "out: partitions are shared among them. Runs until Ctrl-C."})
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        TopicSetup.ensure(config.kafka());
        try (ServiceRuntime runtime = new ServiceRuntime("enrich", config, List.of(ConsumerGroups.enrich(config)))) {
            EnrichService enrich = new EnrichService(config);
            runtime.ops.bind(enrich.runner().streams());
            runtime.ops.check("streams", HealthChecks.streams(enrich.runner()));
            System.err.printf("akhbar enrich: status page %s/ (also /health, /metrics)%n", runtime.ops.url());
            runtime.runUntilStopped(enrich::start, enrich::close);
            return 0;
        } catch (StateLayout.MismatchException e) {
            System.err.println("akhbar enrich: refused: " + e.getMessage());
            return 1;
        }
    }
}
