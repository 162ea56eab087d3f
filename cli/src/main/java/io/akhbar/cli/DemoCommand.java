package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.HealthChecks;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.StackOptions;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.search.ArticleHit;
import io.akhbar.sink.search.NewsSearch;
import io.akhbar.sink.search.SearchFilters;
import io.akhbar.sink.ElasticsearchConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Run the whole pipeline on this machine, offline: starts a real Kafka broker (KRaft) and a real Elasticsearch as local processes, serves a bundled sample news site (two outlets) on loopback, then crawls it, extracts, enriches and indexes, and prints a summary once the pipeline has drained. Without --once the services keep running (the crawler re-polls) until Ctrl-C."},
        footer = {"", "Examples:", "  ./akhbar demo --once", "  ./akhbar demo --port 8080    # then open the status page, http://127.0.0.1:8080/"})
final class DemoCommand implements Callable<Integer> {
    private static final String EXAMPLE_QUERY = "اردوغان";

    @Option(names = "--once", description = "Exit after the pipeline has drained, instead of running until Ctrl-C")
    boolean once;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".akhbar/demo",
            description = "Where the demo keeps Kafka's and the streams' data (emptied at start); default: ${DEFAULT-VALUE}")
    Path workDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port of the status page, /health and /metrics; default: a free one")
    int port;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "Longest wait for the pipeline to drain (ISO-8601); default: ${DEFAULT-VALUE}")
    Duration drainTimeout;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        say("Starting Kafka (KRaft) and Elasticsearch as local processes under %s ...", workDir);
        long started = System.nanoTime();
        try (Stack stack = Stacks.start(StackOptions.defaults(workDir.resolve("stack")).deletingDataOnClose());
             SampleSite site = SampleSite.start()) {
            say("  Kafka %s, Elasticsearch %s (%.0f s)", stack.kafkaBootstrapServers(), stack.elasticsearchUrl(),
                    (System.nanoTime() - started) / 1e9);
            site.outlets().forEach(outlet -> say("  sample outlet %-5s %s/", outlet.id(), outlet.baseUrl()));

            AkhbarConfig config = demoConfig(configOptions.load(), stack);
            if (configOptions.printedOnly(config)) {
                return 0;
            }
            TopicSetup.ensure(config.kafka());
            try (ServiceRuntime runtime = new ServiceRuntime("demo", config, ConsumerGroups.all(config));
                 ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink());
                 Pipeline pipeline = Pipeline.start(config, SourcesFile.parse(site.sourcesYaml()), runtime.ops.registry())) {
                pipeline.streams().forEach(runtime.ops::bind);
                runtime.ops.check("elasticsearch", HealthChecks.elasticsearch(elasticsearch.client()));
                runtime.ops.check("pipeline", HealthChecks.running(pipeline::healthy, "all stages running",
                        "a stage is not running"));
                say("Status page: %s/   (also %s/health and %s/metrics)", runtime.ops.url(), runtime.ops.url(),
                        runtime.ops.url());
                say("Crawling the sample site ...");
                CrawlReport report = pipeline.crawlOnce();
                say("  %s", report);
                say("Waiting for extract -> enrich -> sink to drain ...");
                if (!pipeline.awaitDrained(Duration.ofSeconds(3), drainTimeout)) {
                    say("The pipeline did not drain within %s: see the log above.", drainTimeout);
                    return 1;
                }
                printSummary(pipeline.summary(report, runtime.ops.registry()), config);
                if (once) {
                    return 0;
                }
                say("Services keep running; the crawler re-polls the sources. Ctrl-C stops everything cleanly.");
                runtime.runUntilStopped(pipeline::crawlForever, pipeline::close);
                return 0;
            }
        }
    }

    private AkhbarConfig demoConfig(AkhbarConfig base, Stack stack) {
        KafkaSettings kafka = new KafkaSettings(stack.kafkaBootstrapServers(), base.kafka().topicPrefix(),
                base.kafka().partitions(), base.kafka().bandPartitions(), (short) 1, base.kafka().clientProperties());
        return base.withKafka(kafka)
                // The sample site is on loopback, which the crawler refuses by default (SSRF protection).
                .withCrawler(base.crawler().toBuilder().allowPrivateNetworks(true).perHostDelay(Duration.ofMillis(50)).build())
                .withEnrich(base.enrich().withStateDir(workDir.resolve("streams")))
                .withSink(base.sink().withElasticsearchUrl(stack.elasticsearchUrl()))
                .withService(new io.akhbar.cli.config.ServiceSettings(base.service().host(), port,
                        base.service().sourcesFile(), workDir, base.service().lagInterval()));
    }

    private void printSummary(Pipeline.Summary summary, AkhbarConfig config) throws Exception {
        say("");
        say("Summary");
        say("  pages fetched       %d", summary.crawl().fetched());
        say("  articles extracted  %d", summary.articles());
        say("  duplicates          %d (republished copies, grouped into their story)", summary.duplicates());
        say("  stories             %d", summary.stories());
        say("  documents indexed   %d", summary.documents());
        say("  dead letters        %d", summary.deadLetters());
        say("  Elasticsearch       %s (alias '%s')", config.sink().elasticsearchUrl(), config.sink().indexAlias());
        say("");
        say("Example search for \"%s\" (finds أردوغان and إردوغان):", EXAMPLE_QUERY);
        try (ElasticsearchConnection connection = ElasticsearchConnection.open(config.sink())) {
            NewsSearch search = new NewsSearch(connection.client(), config.sink().indexAlias());
            for (ArticleHit hit : search.search(EXAMPLE_QUERY, SearchFilters.NONE, 3).hits()) {
                say("  - %s  [%s]", hit.title(), hit.site());
            }
        }
        say("  while the demo runs:  AKHBAR_SINK_ELASTICSEARCH_URL=%s ./akhbar search --stories \"%s\"",
                config.sink().elasticsearchUrl(), EXAMPLE_QUERY);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
