package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.Pipeline;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.ingest.crawl.CrawlReport;
import io.akhbar.ingest.crawl.SourcesFile;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.index.NewsFields;
import io.akhbar.sink.search.ArticleHit;
import io.akhbar.sink.search.NewsSearch;
import io.akhbar.sink.search.SearchFilters;
import io.akhbar.sink.write.ElasticsearchSink;
import io.akhbar.text.ArabicNormalizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample site crawled, extracted, enriched and indexed on the real Kafka and Elasticsearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    private static final List<String> BOILERPLATE = List.of("اقرأ أيضاً", "اقرأ أيضا", "زر الذهاب إلى الأعلى",
            "مقالات ذات صلة", "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني", "أخر الأخبار", "اخترنا لك",
            "الأكثر قراءة", "فريق التحرير", "كاتب صحفي متخصص");

    @TempDir
    static Path workDir;
    private final Stack stack = Stacks.shared();
    private AkhbarConfig config;
    private SampleSite site;
    private ElasticsearchConnection elasticsearch;
    private List<Map<String, Object>> documents;
    private CrawlReport crawl;

    @BeforeAll
    void runThePipelineOverTheSampleSite() throws Exception {
        config = TestPipelines.config(stack, workDir);
        site = SampleSite.start();
        elasticsearch = ElasticsearchConnection.open(config.sink());
        try (Pipeline pipeline = Pipeline.start(config, SourcesFile.parse(site.sourcesYaml()), new SimpleMeterRegistry())) {
            crawl = pipeline.crawlOnce();
            assertThat(pipeline.awaitDrained(Duration.ofSeconds(3), Duration.ofMinutes(3)))
                    .as("pipeline drained").isTrue();
        }
        documents = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias());
    }

    @AfterAll
    void stop() {
        elasticsearch.close();
        site.close();
    }

    @Test
    @Order(1)
    void everyArticleOfTheSampleSiteIsIndexedOnce() {
        assertThat(crawl.fetched()).isGreaterThanOrEqualTo(site.articleCount());
        assertThat(documents).hasSize(site.articleCount());
        assertThat(documents).extracting(d -> d.get(NewsFields.ID)).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void theSameArticleReachedWithTrackingParametersIsOneDocument() {
        assertThat(documents).extracting(d -> (String) d.get(NewsFields.CANONICAL_URL))
                .noneMatch(url -> url.contains("utm_"))
                .filteredOn(url -> url.endsWith("/2024/12/urgent-erdogan-putin-talks-syria/")).hasSize(1);
    }

    @Test
    @Order(3)
    void bodiesCarryTheTitleOnceAndNoBoilerplate() {
        for (Map<String, Object> document : documents) {
            String title = (String) document.get(NewsFields.TITLE);
            String text = (String) document.get(NewsFields.TEXT);
            assertThat(title).isNotBlank();
            assertThat(text.split("\n\n")).as("paragraphs of %s", title)
                    .noneMatch(p -> ArabicNormalizer.normalize(p).equals(ArabicNormalizer.normalize(title)));
            for (String phrase : BOILERPLATE) {
                assertThat(ArabicNormalizer.normalize(text)).as("body of %s", title)
                        .doesNotContain(ArabicNormalizer.normalize(phrase));
            }
            assertThat(text).as("obfuscation repaired in %s", title).doesNotContain("ـ.ـ").doesNotContain("ـ");
        }
    }

    @Test
    @Order(4)
    void fiveSeedsAreFiveStoriesAndTheRepublishedCopyJoinsItsOriginal() {
        Set<Object> stories = documents.stream().map(d -> d.get(NewsFields.STORY_ID)).collect(Collectors.toSet());
        assertThat(stories).hasSize(5);
        Map<String, Object> original = byUrlEnding("/2021/06/idlib-next-phase-erdogan-putin-talks/");
        Map<String, Object> copy = byUrlEnding("/news/2021/06/30/erdogan-putin-idlib-kremlin-statement.html");
        assertThat(copy.get(NewsFields.STORY_ID)).isEqualTo(original.get(NewsFields.ID));
        assertThat(copy.get(NewsFields.DUPLICATE)).isEqualTo("NEAR");
        assertThat(original.get(NewsFields.DUPLICATE)).isNull();
    }

    @Test
    @Order(5)
    void arabicSearchFoldsSpellingVariantsAndObfuscation() throws Exception {
        NewsSearch search = new NewsSearch(elasticsearch.client(), config.sink().indexAlias());
        List<ArticleHit> erdogan = search.search("اردوغان", SearchFilters.NONE, 20).hits();
        assertThat(erdogan).hasSize(site.articleCount());
        assertThat(search.search("منع التصعيد", SearchFilters.NONE, 20).hits())
                .extracting(ArticleHit::url).anyMatch(url -> url.endsWith("/2021/06/idlib-next-phase-erdogan-putin-talks/"));
    }

    @Test
    @Order(6)
    void replayingTheEnrichedTopicIntoTheIndexChangesNothing() throws Exception {
        AkhbarConfig replay = config.withSink(config.sink().withConsumerGroup(config.sink().consumerGroup() + "-replay"));
        try (ElasticsearchSink sink = SinkService.create(replay, new SimpleMeterRegistry())) {
            var counts = sink.drain(Duration.ofSeconds(3));
            assertThat(counts.indexed() + counts.stale()).isGreaterThanOrEqualTo(site.articleCount());
            assertThat(counts.rejected()).isZero();
        }
        List<Map<String, Object>> after = TestPipelines.allDocuments(elasticsearch.client(), config.sink().indexAlias());
        assertThat(after).hasSameSizeAs(documents);
        assertThat(after).extracting(d -> d.get(NewsFields.DOCUMENT_VERSION))
                .containsExactlyInAnyOrderElementsOf(documents.stream().map(d -> d.get(NewsFields.DOCUMENT_VERSION)).toList());
    }

    private Map<String, Object> byUrlEnding(String suffix) {
        return documents.stream().filter(d -> ((String) d.get(NewsFields.CANONICAL_URL)).endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no document for " + suffix + " among "
                        + documents.stream().map(d -> d.get(NewsFields.CANONICAL_URL)).toList()));
    }
}
