package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.write.ElasticsearchSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sink",
        mixinStandardHelpOptions = true,
        description = {
                "The sink service: enriched articles -> Elasticsearch (alias 'news'), one document per article id,",
                "versioned so that a replay never duplicates and an old record never overwrites a newer one.",
                "Offsets are committed only after Elasticsearch acknowledged. Runs until Ctrl-C."})
final class SinkCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        TopicSetup.ensure(config.kafka());
        try (ServiceRuntime runtime = new ServiceRuntime("sink", config, List.of(ConsumerGroups.sink(config)));
             ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            ElasticsearchSink sink = SinkService.create(config, runtime.ops.registry());
            Thread loop = new Thread(sink::run, "akhbar-sink");
            runtime.ops.check("elasticsearch", HealthChecks.elasticsearch(elasticsearch.client()));
            runtime.ops.check("sink", HealthChecks.running(loop::isAlive, "consuming", "stopped"));
            System.err.printf("akhbar sink: status page %s/ (also /health, /metrics)%n", runtime.ops.url());
            runtime.runUntilStopped(loop::start, () -> {
                sink.close();
                try {
                    loop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return 0;
        }
    }
}
