package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.ServiceEndpoints.HealthCheck;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.write.ElasticsearchSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
        if (configOptions.print) {
            System.out.print(config.toYaml());
            return 0;
        }
        TopicSetup.ensure(config.kafka());
        try (ServiceRuntime runtime = new ServiceRuntime("sink", config)) {
            ElasticsearchSink sink = SinkService.create(config, runtime.registry);
            Thread loop = new Thread(sink::run, "akhbar-sink");
            runtime.endpoints.check("sink", () -> loop.isAlive() ? HealthCheck.up("consuming") : HealthCheck.down("stopped"));
            System.err.printf("akhbar sink: health and metrics on %s%n", runtime.endpointsUrl());
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
