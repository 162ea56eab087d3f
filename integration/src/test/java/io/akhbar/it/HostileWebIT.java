package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.HostileSite;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.model.DeadLetter;
import io.akhbar.model.deadletter.DeadLetters;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on the real Kafka and Elasticsearch, crawling the sample site beside a hostile site and a site
 * closed by robots.txt, each on its own loopback address: the pass ends, the honest pages of every host are indexed
 * as plain text, and the crawl report, the meters and the dead-letter topic account for every trap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileWebIT {
    private static final Logger log = LoggerFactory.getLogger(HostileWebIT.class);
    /** Honest pages of the hostile site, traps in their markup or charset aside. */
    private static final List<String> HOSTILE_ARTICLES = List.of(HostileSite.MARKUP_TRAPS,
            HostileSite.CHARSET_IN_HEADER, HostileSite.CHARSET_IN_META, HostileSite.CHARSET_UNDECLARED,
            HostileSite.CHARSET_MISLABELLED, HostileSite.CHARSET_MIXED, HostileSite.TEN_THOUSAND_LINKS,
            HostileSite.DEEPLY_NESTED);

    @TempDir
    static Path workDir;
    private final Stack stack = Stacks.shared();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AkhbarConfig config;
    private SampleSite sample;
    private HostileSite hostile;
    private HostileSite closed;
    private CrawlReport crawl;
    private List<Map<String, Object>> documents;
    private List<DeadLetter> deadLetters;
    private double extractDeadLettersBefore;

    @BeforeAll
    void crawlTheHostileWeb() throws Exception {
        AkhbarConfig base = TestPipelines.config(stack, workDir);
        config = base.withCrawler(base.crawler().toBuilder()
                .requestTimeout(Duration.ofSeconds(2))
                .maxRetries(1)
                .retryBaseDelay(Duration.ofMillis(100))
                .build());
        sample = SampleSite.start();
        hostile = HostileSite.start(HostileSite.loopback(3));
        closed = HostileSite.startClosed(HostileSite.loopback(4));
        String sources = sample.sourcesYaml() + hostile.sourceYaml("hostile")
                + "  - id: closed\n    name: مغلق\n    repoll: PT5M\n    feeds: [\"" + closed.url(HostileSite.FEED) + "\"]\n";
        Metrics.addRegistry(registry);
        extractDeadLettersBefore = extractDeadLetters();
        try (Pipeline pipeline = Pipeline.start(config, SourcesFile.parse(sources), registry)) {
            long passStarted = System.nanoTime();
            crawl = pipeline.crawlOnce();
            log.info("hostile web: the crawl pass took {} ms", Duration.ofNanos(System.nanoTime() - passStarted).toMillis());
            for (String trap : List.of(HostileSite.TRICKLE, HostileSite.HUGE, HostileSite.HUGE_DECLARED,
                    HostileSite.GZIP_BOMB, HostileSite.SITEMAP_GZIP_BOMB)) {
                log.info("hostile web: {} served {}", trap, hostile.served(trap));
            }
            assertThat(pipeline.awaitDrained(Duration.ofSeconds(3), Duration.ofMinutes(3))).as("pipeline drained")
                    .isTrue();
        }
        try (ElasticsearchConnection elasticsearch = ElasticsearchConnection.open(config.sink())) {
            documents = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias());
        }
        deadLetters = TestPipelines.deadLetters(config);
    }

    @AfterAll
    void stop() {
        Metrics.removeRegistry(registry);
        sample.close();
        hostile.close();
        closed.close();
    }

    @Test
    void everyHonestPageOfEveryHostIsIndexedOnce() {
        Map<String, Long> bySource = documents.stream()
                .collect(Collectors.groupingBy(d -> (String) d.get(NewsFields.SOURCE), Collectors.counting()));
        assertThat(bySource.get("taif") + bySource.get("wire")).isEqualTo(sample.articleCount());
        assertThat(bySource).doesNotContainKey("closed");
        assertThat(documents).filteredOn(d -> d.get(NewsFields.SOURCE).equals("hostile"))
                .extracting(d -> (String) d.get(NewsFields.URL))
                .containsExactlyInAnyOrderElementsOf(HOSTILE_ARTICLES.stream().map(hostile::url).toList());
        assertThat(documents).extracting(d -> d.get(NewsFields.ID)).doesNotHaveDuplicates();
    }

    @Test
    void indexedTextIsPlainTextWithEntitiesAsCharacters() {
        Map<String, Object> traps = document(HostileSite.MARKUP_TRAPS);
        String stored = traps.get(NewsFields.TITLE) + "\n" + traps.get(NewsFields.TEXT);

        assertThat(stored).doesNotContain("<", ">", "alert", "javascript", "onerror", "onclick", "color: red",
                "&quot;", "&amp;", "&#", "&nbsp;", "حقن نص عبر السكربت", "نص من الأنماط");
        assertThat(stored).contains(HostileSite.TITLES.get(HostileSite.MARKUP_TRAPS)).contains("\"الناشرين\" & القراء");
    }

    @Test
    void everyCharsetIsReadAsABrowserWouldAndAMislabelledOneAsItsBytesSay() {
        for (String path : List.of(HostileSite.CHARSET_IN_HEADER, HostileSite.CHARSET_IN_META,
                HostileSite.CHARSET_UNDECLARED, HostileSite.CHARSET_MISLABELLED, HostileSite.CHARSET_MIXED)) {
            Map<String, Object> document = document(path);
            assertThat(document.get(NewsFields.TITLE)).as(path).isEqualTo(HostileSite.TITLES.get(HostileSite.CHARSET_IN_HEADER));
            assertThat((String) document.get(NewsFields.TEXT)).as(path)
                    .contains(HostileSite.READABLE.get(HostileSite.CHARSET_IN_HEADER)).doesNotContain("\uFFFD");
        }
    }

    @Test
    void binaryServedAsHtmlIsADeadLetterSayingWhatAndWhere() {
        assertThat(deadLetters).hasSize(1).first().satisfies(letter -> {
            assertThat(letter.getStage()).isEqualTo("extract");
            assertThat(letter.getOriginalTopic()).isEqualTo(config.kafka().topics().rawPages());
            assertThat(letter.getErrorMessage()).startsWith(hostile.url(HostileSite.BINARY) + ": not HTML");
            assertThat(letter.getOriginalValue()).isNotNull();
        });
        assertThat(extractDeadLetters() - extractDeadLettersBefore).isEqualTo(1);
    }

    @Test
    void everyTrapIsCountedUnderItsReasonAndNoEntityWasResolved() {
        assertThat(crawl.failedByReason()).isEqualTo(Map.of(
                "timeout", 1, "too-large", 3, "redirect-loop", 1, "too-many-redirects", 1));
        assertThat(crawl.discoveryFailedByReason()).isEqualTo(Map.of("unreadable", 5, "robots-denied", 1));
        for (Map.Entry<String, Integer> reason : Map.of("timeout", 1, "too-large", 3, "redirect-loop", 1,
                "too-many-redirects", 1, "unreadable", 5).entrySet()) {
            assertThat(registry.find("akhbar.crawl.failures").tags("site", "hostile", "reason", reason.getKey())
                    .counter()).as(reason.getKey()).isNotNull()
                    .extracting(Counter::count).isEqualTo((double) reason.getValue());
        }
        assertThat(registry.find("akhbar.crawl.robots.denied").tags("site", "closed").counter().count()).isEqualTo(1);
        assertThat(hostile.served(HostileSite.TRIPWIRE).requests()).isZero();
        assertThat(closed.requests()).containsOnlyKeys("/robots.txt");
        assertThat(documents).extracting(d -> (String) d.get(NewsFields.TEXT)).noneMatch(text -> text.contains("root:"));
    }

    private Map<String, Object> document(String path) {
        return documents.stream().filter(d -> ((String) d.get(NewsFields.URL)).endsWith(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no document for " + path));
    }

    private double extractDeadLetters() {
        return Metrics.globalRegistry.find(DeadLetters.METRIC).tag("stage", "extract").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
