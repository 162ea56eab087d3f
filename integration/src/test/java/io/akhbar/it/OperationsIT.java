package io.akhbar.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.cli.Akhbar;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.LagSnapshot;
import io.akhbar.cli.ops.MonitoredGroup;
import io.akhbar.cli.ops.Operations;
import io.akhbar.cli.pipeline.ConsumerGroups;
import io.akhbar.cli.pipeline.CrawlService;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Operating the pipeline on the real Kafka and Elasticsearch, watched by a real Prometheus and a real headless
 * Chromium: lag rises while the stages are stopped and falls once they run; a replay is labelled as a backfill; the
 * status page and {@code ./akhbar lag} show the admin API's numbers; every metric the Grafana dashboard and the
 * alert rules use is exported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
    /** Screenshots and page dumps, kept for a human to look at. */
    private static final Path OUTPUT = Path.of("target", "operations-it");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;
    private final Stack stack = Stacks.shared();
    private final Path docker = ExternalTools.repositoryRoot().resolve("docker");
    private AkhbarConfig config;
    private SampleSite site;
    private List<Source> sources;
    private Admin admin;
    private Operations ops;
    private PrometheusServer prometheus;
    private MonitoredGroup extract;
    private MonitoredGroup sink;
    /** The services' /metrics while every stage ran. */
    private String exposition;

    @BeforeAll
    void start() throws Exception {
        AkhbarConfig base = TestPipelines.config(stack, workDir);
        config = base.withService(base.service().withLagInterval(Duration.ofMillis(500)));
        extract = ConsumerGroups.extract(config);
        sink = ConsumerGroups.sink(config);
        TopicSetup.ensure(config.kafka());
        site = SampleSite.start();
        // A source whose feed is gone: the crawler's failure counts, per site, are part of what is watched.
        String gone = site.outlets().get(0).baseUrl() + "/no-such-feed.xml";
        sources = SourcesFile.parse(site.sourcesYaml() + "  - id: gone\n    name: gone\n    repoll: PT5M\n    feeds: [\"" + gone + "\"]\n");
        admin = Admin.create(config.kafka().clientConfig());
        ops = Operations.start("it", config, ConsumerGroups.all(config));
        prometheus = PrometheusServer.start(workDir.resolve("prometheus"),
                List.of(URI.create(ops.url()).getAuthority()), List.of(docker.resolve("prometheus/alerts.yml")));
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (ops != null) {
            ops.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void prometheusSeesTheLagRiseWhileTheStagesAreStoppedAndFallOnceTheyRun() throws Exception {
        try (CrawlService crawler = new CrawlService(config, sources, ops.registry())) {
            crawler.crawlOnce();
        }
        produceUnreadableRawPage();
        long backlog = endOffsets(extract.topics()).values().stream().mapToLong(Long::longValue).sum();
        assertThat(backlog).isGreaterThan(site.articleCount());

        String extractLag = "sum(akhbar_consumer_lag_records{group=\"" + extract.group() + "\"})";
        String extractAge = "max(akhbar_consumer_lag_seconds{group=\"" + extract.group() + "\"})";
        awaitValue(extractLag, lag -> lag == backlog);
        double age = awaitValue(extractAge, seconds -> seconds > 0);
        awaitValue(extractAge, seconds -> seconds >= age + 1);

        try (Pipeline pipeline = Pipeline.start(config, sources, ops.registry())) {
            pipeline.streams().forEach(ops::bind);
            assertThat(pipeline.awaitDrained(Duration.ofSeconds(3), Duration.ofMinutes(3))).as("drained").isTrue();
            String groups = "group=~\"" + ConsumerGroups.all(config).stream().map(g -> g.group().replace(".", "\\\\."))
                    .collect(Collectors.joining("|")) + "\"";
            awaitValue("max(akhbar_consumer_lag_seconds{" + groups + "})", seconds -> seconds == 0);
            // What is left is at most a commit marker per partition of the topics written under exactly-once.
            awaitValue("max(akhbar_consumer_lag_records{" + groups + "})", records -> records <= 1);
            int partitionsRead = ConsumerGroups.all(config).stream().flatMap(g -> g.topics().stream())
                    .mapToInt(config.kafka()::partitionsOf).sum();
            awaitValue("count(akhbar_consumer_lag_records{" + groups + "})", series -> series == partitionsRead);
            assertThat(prometheus.value("max_over_time(" + extractLag + "[10m:1s])").orElseThrow())
                    .as("the highest extract lag Prometheus recorded").isEqualTo(backlog);
            exposition = get(ops.url() + "/metrics");
        }
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardAndTheAlertsUseIsExportedAndEveryQueryRunsInPrometheus() throws Exception {
        Set<String> exported = new TreeSet<>(PromQl.exposedNames(exposition));
        exported.add("up");
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = JSON.readTree(docker.resolve("grafana/dashboards/akhbar.json").toFile());
        dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        Map<String, Object> rules = new Yaml().load(Files.readString(docker.resolve("prometheus/alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add((String) ((Map<?, ?>) rule).get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        for (String expression : expressions) {
            assertThat(exported).as("metrics of %s", expression).containsAll(PromQl.metricNames(expression));
            prometheus.query(expression);
        }
        assertThat(exported).contains("akhbar_consumer_lag_records", "akhbar_consumer_lag_seconds",
                "akhbar_sink_freshness_seconds_bucket", "akhbar_deadletters_total", "akhbar_crawl_failures_total",
                "akhbar_enrich_band_candidates_count");

        JsonNode loaded = prometheus.rules().get("groups").get(0).get("rules");
        assertThat(loaded).extracting(rule -> rule.get("name").asText()).containsExactlyInAnyOrder(
                "AkhbarConsumerLagGrowing", "AkhbarConsumerBehind", "AkhbarDeadLetters", "AkhbarSiteEmptyExtractions",
                "AkhbarServiceDown");
        assertThat(loaded).allSatisfy(rule -> assertThat(rule.get("health").asText()).isEqualTo("ok"));
        ExternalTools.run(docker.resolve("prometheus"),
                ExternalTools.require("promtool", "prometheus").toString(), "test", "rules", "alerts.test.yml");
        ExternalTools.run(docker.resolve("prometheus"),
                ExternalTools.require("promtool", "prometheus").toString(), "check", "config", "prometheus.yml");
    }

    @Test
    @Order(3)
    void aReplayIsABackfillAndTheStatusPageAndTheLagCommandShowTheAdminApisNumbers() throws Exception {
        Map<TopicPartition, Long> enrichedEnds = endOffsets(sink.topics());
        Map<TopicPartition, OffsetAndMetadata> fromStart = new HashMap<>();
        enrichedEnds.keySet().forEach(partition -> fromStart.put(partition, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(sink.group(), fromStart).all().get();
        lagCommand("--mark-backfill", "sink", "--reason", "re-index");
        awaitSnapshot(snapshot -> snapshot.partitions().stream().filter(e -> e.group().equals(sink.group()))
                .allMatch(e -> e.backfill() && e.committed() == 0));

        HeadlessChromium chromium = new HeadlessChromium(workDir.resolve("chromium"));
        chromium.screenshot(ops.url() + "/", OUTPUT.resolve("status-page.png"));
        String dom = chromium.dumpDom(ops.url() + "/");
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("status-page.html"), dom);
        Document page = Jsoup.parse(dom);
        assertThat(page.body().attr("data-rendered")).as("the page rendered status.json").isEqualTo("true");
        long measuredAt = Long.parseLong(page.getElementById("measured-at").attr("data-value"));
        List<Element> rows = page.select("#lag tbody tr");
        Map<String, AdminView> admin = adminView();
        assertThat(rows).hasSize(admin.size());
        for (Element row : rows) {
            String key = row.attr("data-group") + "/" + row.attr("data-topic") + "/" + row.attr("data-partition");
            AdminView expected = admin.get(key);
            assertThat(expected).as("row %s", key).isNotNull();
            assertThat(row.selectFirst("td.committed").text()).as("committed of %s", key).isEqualTo(String.valueOf(expected.committed()));
            assertThat(row.selectFirst("td.end").text()).as("end of %s", key).isEqualTo(String.valueOf(expected.end()));
            assertThat(row.selectFirst("td.lag-records").text()).as("lag of %s", key).isEqualTo(String.valueOf(expected.lag()));
            assertThat(Double.parseDouble(row.selectFirst("td.lag-seconds").attr("data-value"))).as("lag seconds of %s", key)
                    .isCloseTo(expected.lagSecondsAt(measuredAt), within(1e-9));
            assertThat(row.selectFirst("td.backfill").text()).isEqualTo(row.attr("data-group").equals(sink.group()) ? "backfill" : "–");
        }
        long sinkBacklog = enrichedEnds.values().stream().mapToLong(Long::longValue).sum();
        assertThat(page.selectFirst("[data-stage=sink] .lag-records").attr("data-value")).isEqualTo(String.valueOf(sinkBacklog));
        long indexed = (long) ops.registry().find("akhbar.sink.documents").tag("outcome", "indexed").counter().count();
        assertThat(indexed).isGreaterThanOrEqualTo(site.articleCount());
        assertThat(page.selectFirst("[data-stage=sink] .processed").attr("data-value")).isEqualTo(String.valueOf(indexed));
        // Other tests in this JVM leave zero-count reasons in the global registry; this test made one dead letter.
        assertThat(page.select("#dead-letters tr[data-stage=extract]"))
                .filteredOn(row -> !row.selectFirst("td.count").text().equals("0")).hasSize(1);
        assertThat(page.selectFirst("#sites tr[data-site=gone]").text()).contains("failing");
        assertThat(page.getElementById("health").text()).isEqualTo("UP");

        JsonNode json = JSON.readTree(lagCommand("--json"));
        long commandMeasuredAt = json.get("measuredAt").asLong();
        assertThat(json.get("partitions")).hasSize(admin.size());
        for (JsonNode partition : json.get("partitions")) {
            AdminView expected = admin.get(partition.get("group").asText() + "/" + partition.get("topic").asText() + "/"
                    + partition.get("partition").asInt());
            assertThat(partition.get("committed").asLong()).isEqualTo(expected.committed());
            assertThat(partition.get("end").asLong()).isEqualTo(expected.end());
            assertThat(partition.get("lagRecords").asLong()).isEqualTo(expected.lag());
            assertThat(partition.get("lagSeconds").asDouble()).isCloseTo(expected.lagSecondsAt(commandMeasuredAt), within(1e-9));
            assertThat(partition.get("backfill").asBoolean()).isEqualTo(partition.get("group").asText().equals(sink.group()));
        }

        assertThat(lagCommand("--stage", "sink").lines().filter(line -> line.startsWith("sink ")).toList())
                .hasSize(config.kafka().partitions()).allMatch(line -> line.endsWith("  yes"));

        String sinkBackfill = "sum(akhbar_consumer_lag_records{group=\"" + sink.group() + "\",backfill=\"true\"})";
        awaitValue(sinkBackfill, lag -> lag == sinkBacklog);
        try (ElasticsearchSink replay = SinkService.create(config, new SimpleMeterRegistry())) {
            var counts = replay.drain(Duration.ofSeconds(3));
            assertThat(counts.indexed()).as("documents the replay changed").isZero();
            assertThat(counts.stale()).isGreaterThanOrEqualTo(site.articleCount());
        }
        awaitSnapshot(snapshot -> snapshot.partitions().stream().filter(e -> e.group().equals(sink.group()))
                .noneMatch(LagSnapshot.Entry::backfill));
        awaitValue("sum(akhbar_consumer_lag_seconds{group=\"" + sink.group() + "\",backfill=\"false\"})", seconds -> seconds == 0);
        assertThat(prometheus.query(sinkBackfill).get("result")).as("the backfill series is gone").isEmpty();
    }

    /** What the admin API and a plain consumer say of every watched partition, computed here independently. */
    private record AdminView(long committed, long end, Long oldestTimestamp) {
        long lag() {
            return end - committed;
        }

        double lagSecondsAt(long measuredAtMillis) {
            return oldestTimestamp == null ? 0 : Math.max(0, measuredAtMillis - oldestTimestamp) / 1000.0;
        }
    }

    private Map<String, AdminView> adminView() throws Exception {
        Map<String, AdminView> view = new HashMap<>();
        Map<String, Object> consumerConfig = config.kafka().clientConfig();
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (MonitoredGroup group : ConsumerGroups.all(config)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.group())
                        .partitionsToOffsetAndMetadata().get();
                for (Map.Entry<TopicPartition, Long> end : endOffsets(group.topics()).entrySet()) {
                    TopicPartition partition = end.getKey();
                    long from = committed.containsKey(partition) ? committed.get(partition).offset() : 0;
                    view.put(group.group() + "/" + partition.topic() + "/" + partition.partition(),
                            new AdminView(from, end.getValue(), oldestTimestamp(consumer, partition, from, end.getValue())));
                }
            }
        }
        return view;
    }

    private static Long oldestTimestamp(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long end) {
        if (from >= end) {
            return null;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && consumer.position(partition) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                return record.offset() < end ? record.timestamp() : null;
            }
        }
        return null;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private String lagCommand(String... options) throws Exception {
        Path file = workDir.resolve("akhbar.yaml");
        Files.writeString(file, "kafka:\n  bootstrapServers: " + config.kafka().bootstrapServers()
                + "\n  topicPrefix: \"" + config.kafka().topicPrefix() + "\"\n");
        StringWriter out = new StringWriter();
        var command = Akhbar.commandLine();
        command.setOut(new PrintWriter(out, true));
        List<String> arguments = new ArrayList<>(List.of("lag", "--config", file.toString()));
        arguments.addAll(List.of(options));
        assertThat(command.execute(arguments.toArray(String[]::new))).as("exit code of lag").isZero();
        return out.toString();
    }

    private void produceUnreadableRawPage() throws Exception {
        Map<String, Object> producerConfig = config.kafka().clientConfig();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.kafka().topics().rawPages(), "unreadable".getBytes(StandardCharsets.UTF_8),
                    "not an Avro record".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private double awaitValue(String promql, DoublePredicate condition) throws Exception {
        return await(() -> prometheus.value(promql).orElse(Double.NaN), condition::test, promql);
    }

    private void awaitSnapshot(Predicate<LagSnapshot> condition) throws Exception {
        await(() -> ops.lag().latest(), condition, "lag snapshot");
    }

    private static <T> T await(Callable<T> reading, Predicate<T> condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = reading.call();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("within " + WAIT.toSeconds() + " s, " + what + " never met the condition; last: " + last);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
