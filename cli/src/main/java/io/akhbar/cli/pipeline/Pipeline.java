package io.akhbar.cli.pipeline;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.ConsumerLag;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.Source;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.akhbar.model.deadletter.DeadLetters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Every stage in one process, each as it runs as a service: crawler, extractor, enrich stream and sink. Used by
 * {@code ./akhbar demo} and the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    /** A transactional producer leaves a commit marker after its last record: a lag of one can be just that. */
    private static final long MARKER_TOLERANCE = 1;

    private final AkhbarConfig config;
    private final Admin admin;
    private final ExtractService extract;
    private final EnrichService enrich;
    private final ElasticsearchSink sink;
    private final Thread sinkThread;
    private final CrawlService crawl;

    private Pipeline(AkhbarConfig config, List<Source> sources, MeterRegistry registry) {
        this.config = config;
        TopicSetup.ensure(config.kafka());
        this.admin = Admin.create(config.kafka().clientConfig());
        this.extract = new ExtractService(config).start();
        this.enrich = new EnrichService(config).start();
        this.sink = SinkService.create(config, registry);
        this.sinkThread = new Thread(sink::run, "akhbar-sink");
        sinkThread.start();
        this.crawl = new CrawlService(config, sources, registry);
    }

    public static Pipeline start(AkhbarConfig config, List<Source> sources, MeterRegistry registry) {
        return new Pipeline(config, sources, registry);
    }

    public CrawlReport crawlOnce() {
        return crawl.crawlOnce();
    }

    public void crawlForever() {
        crawl.runForever();
    }

    /** The Streams applications of the pipeline (extract, enrich), e.g. to export their metrics. */
    public List<KafkaStreams> streams() {
        return List.of(extract.runner().streams(), enrich.runner().streams());
    }

    public boolean healthy() {
        return extract.runner().isRunning() && enrich.runner().isRunning() && sinkThread.isAlive();
    }

    /**
     * Waits until every stage has consumed its input and no topic has grown for {@code quiet}.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitDrained(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stableSince = -1;
        long lastEnds = -1;
        while (System.nanoTime() < deadline) {
            long ends = endOffsets(config.kafka().topics().all()).values().stream().mapToLong(Long::longValue).sum();
            boolean consumed = maxLag() <= MARKER_TOLERANCE;
            if (consumed && ends == lastEnds) {
                if (stableSince < 0) {
                    stableSince = System.nanoTime();
                } else if (System.nanoTime() - stableSince >= quiet.toNanos()) {
                    return true;
                }
            } else {
                stableSince = -1;
            }
            lastEnds = ends;
            Thread.sleep(200);
        }
        return false;
    }

    public record Summary(CrawlReport crawl, long articles, long documents, long duplicates, long stories,
                          long deadLetters) {
    }

    /**
     * Counts of this run. Articles and dead letters come from the stages' counters, not from topic offsets, which
     * under exactly-once also count transaction markers.
     */
    public Summary summary(CrawlReport crawlReport, MeterRegistry registry) throws IOException {
        long articles = (long) registry.find("akhbar.extract.pages").tag("outcome", "article").counters().stream()
                .mapToDouble(Counter::count).sum();
        long deadLetters = (long) registry.find(DeadLetters.METRIC).counters().stream().mapToDouble(Counter::count).sum();
        try (ElasticsearchConnection connection = ElasticsearchConnection.open(config.sink())) {
            ElasticsearchClient client = connection.client();
            String alias = config.sink().indexAlias();
            client.indices().refresh(r -> r.index(alias));
            long documents = client.count(c -> c.index(alias)).count();
            long duplicates = client.count(c -> c.index(alias).query(q -> q.exists(e -> e.field(NewsFields.DUPLICATE)))).count();
            Aggregation distinctStories = Aggregation.of(a -> a.cardinality(c -> c.field(NewsFields.STORY_ID)));
            long stories = client.search(s -> s.index(alias).size(0).aggregations("stories", distinctStories), Void.class)
                    .aggregations().get("stories").cardinality().value();
            return new Summary(crawlReport, articles, documents, duplicates, stories, deadLetters);
        }
    }

    private long maxLag() {
        long max = 0;
        List<ConsumerLag.PartitionLag> lags = new ArrayList<>();
        lags.addAll(ConsumerLag.of(admin, extract.applicationId(), ExtractService.inputTopics(config)));
        lags.addAll(ConsumerLag.of(admin, enrich.applicationId(), EnrichService.inputTopics(config)));
        lags.addAll(ConsumerLag.of(admin, SinkService.consumerGroup(config), SinkService.inputTopics(config)));
        for (ConsumerLag.PartitionLag lag : lags) {
            max = Math.max(max, lag.lag());
        }
        return max;
    }

    /** Records per topic (end offsets summed over partitions, transaction markers included). */
    private Map<String, Long> endOffsets(List<String> topicNames) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topicNames).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> totals = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, info) -> totals.merge(partition.topic(), info.offset(), Long::sum));
            return totals;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets: " + e.getCause(), e);
        }
    }

    /** Stops the stages upstream first, so each one's last output is consumed or committed before it goes. */
    @Override
    public void close() {
        crawl.close();
        extract.close();
        enrich.close();
        sink.close();
        try {
            sinkThread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
        log.info("pipeline stopped");
    }
}
