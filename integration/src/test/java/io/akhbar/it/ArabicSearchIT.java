package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.pipeline.SinkService;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.TopicSetup;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.search.ArticleHit;
import io.akhbar.sink.search.NewsSearch;
import io.akhbar.sink.search.SearchFilters;
import io.akhbar.sink.write.ElasticsearchSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arabic search on the real Elasticsearch, through the index the sink makes and our analysis plugin: spelling
 * variants, obfuscation and the article are folded alike at index and query time. The texts are indexed as given,
 * obfuscation included (extraction would have repaired it), so that the analyzer alone is tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArabicSearchIT {
    private static final List<String> TEXTS = List.of(
            "hamza-above: قال الرئيس أردوغان إن المحادثات مستمرة",
            "hamza-below: أكد إردوغان في اتصال هاتفي دعم الحل السياسي",
            "obfuscated: دعا الطرفان إلى منـ.ـع التصـ.ـعيد في المنطقة",
            "indefinite: حذر المراقبون من تصعيد جديد على الحدود",
            "unrelated: افتتاح معرض الكتاب في العاصمة بمشاركة واسعة");

    private final Stack stack = Stacks.shared();
    private ElasticsearchConnection elasticsearch;
    private NewsSearch search;

    @BeforeAll
    void indexTheTexts(@TempDir Path workDir) throws Exception {
        AkhbarConfig config = TestPipelines.config(stack, workDir);
        TopicSetup.ensure(config.kafka());
        Instant now = Instant.now();
        List<EnrichedArticle> articles = TEXTS.stream().map(text -> {
            String name = text.substring(0, text.indexOf(':'));
            return TestRecords.enriched(TestRecords.article("https://example.com/" + name, name,
                    List.of(text.substring(text.indexOf(':') + 2)), now), 1);
        }).toList();
        TestRecords.produceEnriched(config, articles, now);
        try (ElasticsearchSink sink = SinkService.create(config, new SimpleMeterRegistry())) {
            assertThat(sink.drain(Duration.ofSeconds(2)).indexed()).isEqualTo(TEXTS.size());
        }
        elasticsearch = ElasticsearchConnection.open(config.sink());
        elasticsearch.client().indices().refresh(r -> r.index(config.sink().indexAlias()));
        search = new NewsSearch(elasticsearch.client(), config.sink().indexAlias());
    }

    @AfterAll
    void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = '|', textBlock = """
            اردوغان      | hamza-above hamza-below
            أردوغان      | hamza-above hamza-below
            منع التصعيد  | obfuscated
            التصعيد      | obfuscated indefinite
            تصعيد        | obfuscated indefinite
            """)
    void aQueryFindsEverySpellingOfItsWordsAndNothingElse(String query, String expected) throws Exception {
        List<String> found = search.search(query, SearchFilters.NONE, 10).hits().stream()
                .map(ArticleHit::url).map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();

        assertThat(found).containsAll(Arrays.asList(expected.split(" "))).doesNotContain("unrelated");
    }
}
