package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.ops.ServiceEndpoints.HealthCheck;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.CrawlService;
import io.akhbar.cli.pipeline.ExtractService;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.ingest.crawl.SourcesFileWatcher;
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
                "The ingest service: discovers article URLs from the sources file (feeds, sitemaps, section pages), fetches them politely into the raw-pages topic, and runs the extractor (raw pages -> articles). Runs until Ctrl-C; each source is re-polled at its interval, and an edited sources file is applied without a restart.",
                "",
                "URLs to fetch flow through the frontier topic, keyed by host: start more crawler instances with the same settings and Kafka shares the hosts among them, each host crawled by one instance at a time. What the crawler knows of each URL (fetched, refused, validators, content hash) is kept in the compacted crawl-state topic, so a restarted crawler fetches nothing again that it does not need to."},
        footer = {"", "Examples:", "  ./akhbar crawl --sources sources.yaml",
                "  ./akhbar crawl --role crawler --sources sources.yaml   # a second crawler instance: hosts are shared",
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
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        TopicSetup.ensure(config.kafka());
        List<MonitoredGroup> groups = switch (role) {
            case all -> List.of(ConsumerGroups.crawl(config), ConsumerGroups.extract(config));
            case crawler -> List.of(ConsumerGroups.crawl(config));
            case extractor -> List.of(ConsumerGroups.extract(config));
        };
        try (ServiceRuntime runtime = new ServiceRuntime("crawl", config, groups)) {
            ExtractService extract = role == Role.crawler ? null : new ExtractService(config);
            Path sourcesFile = sources != null ? sources : config.service().sourcesFile();
            CrawlService crawl = role == Role.extractor ? null
                    : new CrawlService(config, loadSources(sourcesFile), runtime.ops.registry());
            SourcesFileWatcher watcher = crawl == null || once || config.crawler().sourcesReloadInterval().isZero()
                    ? null
                    : SourcesFileWatcher.start(sourcesFile, config.crawler().sourcesReloadInterval(), crawl::updateSources);
            if (crawl != null) {
                runtime.ops.check("crawler", () -> crawl.isRunning()
                        ? HealthCheck.up("consuming the frontier") : HealthCheck.down("the frontier consumer stopped"));
            }
            if (extract != null) {
                runtime.ops.bind(extract.runner().streams());
                runtime.ops.check("extractor", HealthChecks.streams(extract.runner()));
                extract.start();
            }
            System.err.printf("akhbar crawl (%s): status page %s/ (also /health, /metrics)%n", role, runtime.ops.url());
            Runnable closeAll = () -> {
                if (watcher != null) {
                    watcher.close();
                }
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

    private static List<Source> loadSources(Path file) throws java.io.IOException {
        List<Source> loaded = SourcesFile.load(file);
        System.err.printf("akhbar crawl: %d sources from %s%n", loaded.size(), file);
        return loaded;
    }
}
