package io.akhbar.bench.soak;

import co.elastic.clients.elasticsearch._types.SortOrder;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.config.ServiceSettings;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.localstack.ServiceProcess;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.StackOptions;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.GeneratedNewsSite;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.SinkSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A soak run of the whole pipeline on this machine: a local Kafka and Elasticsearch, generated news outlets on
 * loopback addresses, and the four services (crawler, extractor, enrich, sink) each in a JVM of its own, as they are
 * deployed. Prints pages per second end to end beside the crawler's own rate (the comparison: where the time goes),
 * fetch-to-searchable latency percentiles over a sample of articles, and each service's memory as the run goes on.
 *
 * <p>Usage: {@code SoakBenchmark [pages=100000] [hosts=200] [delay=max|MILLISECONDS] [warmup=120] [jfr=DIR]}.
 * Latency is also printed by fetch time, and over the pages fetched after {@code warmup} seconds: six JVMs starting
 * together on two cores compile their hot code for the first minutes, and the queue built then takes a while to
 * drain; the steady state is what a running deployment sees. With a delay,
 * the crawler waits that long between two pages of one host (its per-host delay), which throttles it; the rate it
 * reached is printed ("crawler alone"), so that the latency figures can be read at that rate. {@code max} lets it go
 * as fast as it can, for throughput. {@code -Dakhbar.soak.commit=MS} (in {@code BENCH_JAVA_OPTS}) sets the Streams
 * applications' commit interval, as {@code kafka.clientProperties} would.
 */
public final class SoakBenchmark {
    private static final int PROBES = 1000;
    private static final Duration MEMORY_EVERY = Duration.ofSeconds(10);
    private static final Set<String> OPTIONS = Set.of("pages", "hosts", "delay", "warmup", "jfr");
    private static final Duration LATENCY_PERIOD = Duration.ofSeconds(20);
    private static final int FETCH_THREADS_PACED = 8;
    private static final int FETCH_THREADS_MAX = 16;
    /** As {@code ./akhbar} runs the services (with the parallel collector since 2026-12-06), on a smaller heap. */
    private static final List<String> SERVICE_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int pages = Integer.parseInt(options.getOrDefault("pages", "100000"));
        int hosts = Integer.parseInt(options.getOrDefault("hosts", "200"));
        String delay = options.getOrDefault("delay", "max");
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "120")));
        if (options.containsKey("jfr")) {
            System.setProperty("akhbar.soak.jfr", Files.createDirectories(Path.of(options.get("jfr"))).toString());
        }
        Path workDir = Files.createTempDirectory("akhbar-soak-");
        System.out.printf("soak: %d pages across %d hosts, per-host delay %s, work directory %s%n", pages, hosts, delay, workDir);
        try (Stack stack = Stacks.start(StackOptions.defaults(workDir.resolve("stack")).deletingDataOnClose());
             GeneratedNewsSite site = GeneratedNewsSite.start(hosts, pages / hosts)) {
            run(stack, site, delay, warmup, workDir);
        }
    }

    private static void run(Stack stack, GeneratedNewsSite site, String delay, Duration warmup, Path workDir)
            throws Exception {
        AkhbarConfig config = config(stack, site, delay, workDir);
        TopicSetup.ensure(config.kafka());
        Path settings = Files.writeString(workDir.resolve("akhbar.yaml"), config.toYaml());
        Path sources = Files.writeString(workDir.resolve("sources.yaml"), site.sourcesYaml());
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        String file = settings.toString();
        // The stages downstream first, until they consume: the run measures the pipeline, not its start-up.
        List<MemorySamples.Monitored> services = new ArrayList<>(List.of(
                service("extractor", logs, "crawl", "--role", "extractor", "--config", file),
                service("enrich", logs, "enrich", "--config", file),
                service("sink", logs, "sink", "--config", file)));
        awaitReady(services);
        services.add(0, service("crawler", logs, "crawl", "--role", "crawler", "--sources", sources.toString(),
                "--config", file));

        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            String alias = config.sink().indexAlias();
            SearchableProbes probes = new SearchableProbes(elasticsearch.client(), alias, probeIds(site));
            MemorySamples memory = new MemorySamples(services);
            CpuAccounts cpu = new CpuAccounts(process -> services.stream()
                    .filter(service -> service.process().handle().pid() == process.pid())
                    .map(MemorySamples.Monitored::name).findFirst().orElse(null));
            long started = System.nanoTime();
            long nextMemory = 0;
            long documents = 0;
            Duration timeout = Duration.ofSeconds(Math.max(600, site.articleCount() / 20));
            System.out.printf("%8s %9s   memory MB, resident / heap used: %s%n", "seconds", "documents",
                    services.stream().map(MemorySamples.Monitored::name).toList());
            while (documents < site.articleCount() && System.nanoTime() - started < timeout.toNanos()) {
                Thread.sleep(SearchableProbes.PERIOD.toMillis());
                probes.poll();
                long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                if (elapsed >= nextMemory) {
                    documents = count(elasticsearch, alias);
                    MemorySamples.Sample sample = memory.take(elapsed, documents);
                    System.out.printf("%8d %9d   %s%n", elapsed, documents, memoryLine(sample));
                    nextMemory = elapsed + MEMORY_EVERY.toSeconds();
                }
            }
            while (probes.poll() > 0 && System.nanoTime() - started < timeout.toNanos()) {
                Thread.sleep(SearchableProbes.PERIOD.toMillis());
            }
            documents = count(elasticsearch, alias);
            report(site, documents, started, elasticsearch, alias, probes, warmup, memory, cpu);
        } finally {
            services.forEach(service -> service.process().stop());
        }
    }

    private static void report(GeneratedNewsSite site, long documents, long started, ElasticsearchConnection elasticsearch,
                               String alias, SearchableProbes probes, Duration warmup, MemorySamples memory,
                               CpuAccounts cpu)
            throws IOException {
        Instant end = Instant.now();
        Instant firstFetch = fetchedAt(elasticsearch, alias, true);
        Instant lastFetch = fetchedAt(elasticsearch, alias, false);
        double endToEndSeconds = Duration.between(firstFetch, end).toMillis() / 1000.0;
        double crawlSeconds = Duration.between(firstFetch, lastFetch).toMillis() / 1000.0;
        List<Duration> latencies = probes.latencies();
        System.out.println();
        System.out.printf("documents indexed          %d of %d (pages served %d)%n", documents, site.articleCount(),
                site.pagesServed());
        System.out.printf("end to end                 %.0f pages/s (first fetch to last document searchable, %.0f s)%n",
                documents / endToEndSeconds, endToEndSeconds);
        System.out.printf("crawler alone              %.0f pages/s (first to last fetch, %.0f s)%n",
                documents / Math.max(crawlSeconds, 0.001), crawlSeconds);
        System.out.printf("fetch to searchable        p50 %s  p99 %s  max %s  (%d probes, polled every %d ms)%n",
                seconds(SearchableProbes.percentile(latencies, 50)), seconds(SearchableProbes.percentile(latencies, 99)),
                seconds(SearchableProbes.percentile(latencies, 100)), latencies.size(), SearchableProbes.PERIOD.toMillis());
        List<Duration> steady = probes.found().stream()
                .filter(probe -> probe.fetched().isAfter(firstFetch.plus(warmup)))
                .map(SearchableProbes.Probe::latency).toList();
        System.out.printf("  after %3d s of warm-up   p50 %s  p99 %s  max %s  (%d probes)%n", warmup.toSeconds(),
                seconds(SearchableProbes.percentile(steady, 50)), seconds(SearchableProbes.percentile(steady, 99)),
                seconds(SearchableProbes.percentile(steady, 100)), steady.size());
        printLatencyOverTime(probes.found(), firstFetch);
        List<MemorySamples.Sample> samples = memory.samples();
        if (samples.size() >= 4) {
            MemorySamples.Sample quarter = samples.get(samples.size() / 4);
            MemorySamples.Sample last = samples.get(samples.size() - 1);
            System.out.printf("resident MB at %d s / at %d s  %s / %s%n", quarter.elapsedSeconds(), last.elapsedSeconds(),
                    quarter.residentMb(), last.residentMb());
        }
        double runSeconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
        Map<String, Double> cpuSeconds = cpu.sinceStart();
        double cpuTotal = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("CPU seconds per process    %s (total %.0f of %.0f available on %d cores)%n",
                cpuSeconds.entrySet().stream().map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).toList(),
                cpuTotal, runSeconds * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("run took %.0f s%n", runSeconds);
    }

    /** The same latency by when the page was fetched: start-up and steady state tell different stories. */
    private static void printLatencyOverTime(List<SearchableProbes.Probe> found, Instant firstFetch) {
        Map<Long, List<Duration>> byPeriod = new TreeMap<>();
        for (SearchableProbes.Probe probe : found) {
            long period = Duration.between(firstFetch, probe.fetched()).toSeconds() / LATENCY_PERIOD.toSeconds();
            byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(probe.latency());
        }
        System.out.printf("  by fetch time (s after the first fetch):%n");
        byPeriod.forEach((period, latencies) -> System.out.printf("  %4d-%-4d  p50 %s  p99 %s  max %s  (%d probes)%n",
                period * LATENCY_PERIOD.toSeconds(), (period + 1) * LATENCY_PERIOD.toSeconds(),
                seconds(SearchableProbes.percentile(latencies, 50)), seconds(SearchableProbes.percentile(latencies, 99)),
                seconds(SearchableProbes.percentile(latencies, 100)), latencies.size()));
    }

    private static AkhbarConfig config(Stack stack, GeneratedNewsSite site, String delay, Path workDir) {
        String run = "soak" + Long.toString(System.currentTimeMillis(), 36);
        AkhbarConfig defaults = AkhbarConfig.defaults();
        boolean max = delay.equals("max");
        int threads = max ? FETCH_THREADS_MAX : FETCH_THREADS_PACED;
        Duration perHostDelay = Duration.ofMillis(max ? 10 : Long.parseLong(delay));
        return defaults
                .withKafka(new KafkaSettings(stack.kafkaBootstrapServers(), run + ".", KafkaSettings.DEFAULT_PARTITIONS,
                        KafkaSettings.DEFAULT_BAND_PARTITIONS, (short) 1, System.getProperty("akhbar.soak.commit") == null ? Map.of()
                        : Map.of("commit.interval.ms", System.getProperty("akhbar.soak.commit"))))
                .withCrawler(defaults.crawler().toBuilder()
                        .allowPrivateNetworks(true)
                        .perHostDelay(perHostDelay)
                        .fetchThreads(threads)
                        .maxPagesPerSource(site.articleCount())
                        .build())
                .withEnrich(EnrichSettings.defaults().withStateDir(workDir.resolve("enrich-state")))
                .withSink(SinkSettings.defaults().withElasticsearchUrl(stack.elasticsearchUrl())
                        .withIndex(run + "-news", run + "-idx-"))
                .withService(new ServiceSettings("127.0.0.1", 0, workDir.resolve("sources.yaml"), workDir.resolve("state")));
    }

    /** Each service with a metrics port of our choosing, so that its memory can be read. */
    private static MemorySamples.Monitored service(String name, Path logs, String... arguments) throws IOException {
        int port = freePort();
        ServiceProcess process = ServiceProcess.start(name, logs,
                Map.of("AKHBAR_SERVICE_PORT", Integer.toString(port)), jvmOptions(name), arguments);
        return new MemorySamples.Monitored(name, process, port);
    }

    /** With {@code jfr=DIR}, each service records a flight recording (CPU samples and allocations) to DIR/NAME.jfr. */
    private static List<String> jvmOptions(String service) {
        String recordings = System.getProperty("akhbar.soak.jfr");
        if (recordings == null) {
            return SERVICE_JVM;
        }
        List<String> options = new ArrayList<>(SERVICE_JVM);
        options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + Path.of(recordings, service + ".jfr").toAbsolutePath());
        return options;
    }

    /** Streams services say "-> RUNNING" once they own their partitions; the sink names its index once it writes. */
    private static void awaitReady(List<MemorySamples.Monitored> services) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (MemorySamples.Monitored service : services) {
            String marker = service.name().equals("sink") ? "Writing to alias" : "-> RUNNING";
            while (!service.process().log().contains(marker)) {
                if (System.nanoTime() > deadline || !service.process().isAlive()) {
                    throw new IllegalStateException(service.name() + " did not become ready:\n" + service.process().log());
                }
                Thread.sleep(500);
            }
        }
    }

    private static Set<String> probeIds(GeneratedNewsSite site) {
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        List<String> urls = site.articleUrls();
        int step = Math.max(1, urls.size() / PROBES);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < urls.size(); i += step) {
            ids.add(ArticleKeys.of(canonicalizer.canonicalize(urls.get(i)).orElseThrow()));
        }
        return ids;
    }

    private static long count(ElasticsearchConnection elasticsearch, String alias) {
        try {
            return elasticsearch.client().count(c -> c.index(alias)).count();
        } catch (Exception indexNotThereYet) {
            return 0;
        }
    }

    private static Instant fetchedAt(ElasticsearchConnection elasticsearch, String alias, boolean first) throws IOException {
        var hits = elasticsearch.client().search(s -> s.index(alias).size(1)
                .sort(o -> o.field(f -> f.field("fetchedAt").order(first ? SortOrder.Asc : SortOrder.Desc)))
                .source(src -> src.filter(f -> f.includes("fetchedAt"))), Map.class).hits().hits();
        return hits.isEmpty() ? Instant.now() : Instant.parse((String) hits.get(0).source().get("fetchedAt"));
    }

    private static String memoryLine(MemorySamples.Sample sample) {
        List<String> parts = new ArrayList<>();
        sample.residentMb().forEach((name, resident) ->
                parts.add(resident + "/" + sample.heapMb().get(name)));
        return String.join("  ", parts);
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !OPTIONS.contains(pair[0])) {
                throw new IllegalArgumentException("expected one of " + OPTIONS + " as name=value, got " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }
}
