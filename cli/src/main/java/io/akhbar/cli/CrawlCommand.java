package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.CrawlService;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.model.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "crawl",
        mixinStandardHelpOptions = true,
        description = {
                "The ingest service: discovers article URLs from the sources file (feeds, sitemaps, section pages), fetches them politely into the raw-pages topic, and runs the extractor (raw pages -> articles). Runs until Ctrl-C; each source is re-polled at its interval."},
        footer = {"", "Examples:", "  ./akhbar crawl --sources sources.yaml",
                "  ./akhbar crawl --role extractor      # replay extraction only, e.g. after an extractor upgrade"})
final class CrawlCommand implements Callable<Integer> {
    enum Role { all, crawler, extractor }

    @Option(names = "--sources", paramLabel = "FILE", description = "Sources file; default: service.sourcesFile (sources.yaml)")
    Path sources;

    @Option(names = "--role", defaultValue = "all",
            description = "What this instance runs: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    Role role;

    @Option(names = "--once", description = "One crawl pass, then exit (the extractor stops too)")
    boolean once;

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
        List<MonitoredGroup> groups = role == Role.crawler ? List.of() : List.of(ConsumerGroups.extract(config));
        try (ServiceRuntime runtime = new ServiceRuntime("crawl", config, groups)) {
            ExtractService extract = role == Role.crawler ? null : new ExtractService(config);
            CrawlService crawl = role == Role.extractor ? null
                    : new CrawlService(config, loadSources(config), runtime.ops.registry());
            if (extract != null) {
                runtime.ops.bind(extract.runner().streams());
                runtime.ops.check("extractor", HealthChecks.streams(extract.runner()));
                extract.start();
            }
            System.err.printf("akhbar crawl (%s): status page %s/ (also /health, /metrics)%n", role, runtime.ops.url());
            Runnable closeAll = () -> {
                if (crawl != null) {
                    crawl.close();
                }
                if (extract != null) {
                    extract.close();
                }
            };
            if (once && crawl != null) {
                System.out.println(crawl.crawlOnce());
                closeAll.run();
                return 0;
            }
            runtime.runUntilStopped(() -> {
                if (crawl != null) {
                    crawl.runForever();
                }
            }, closeAll);
            return 0;
        }
    }

    private List<Source> loadSources(AkhbarConfig config) throws java.io.IOException {
        Path file = sources != null ? sources : config.service().sourcesFile();
        List<Source> loaded = SourcesFile.load(file);
        System.err.printf("akhbar crawl: %d sources from %s%n", loaded.size(), file);
        return loaded;
    }
}
