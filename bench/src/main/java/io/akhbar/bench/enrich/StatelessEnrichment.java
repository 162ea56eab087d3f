package io.akhbar.bench.enrich;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.ArticleWords;
import io.akhbar.enrich.dedup.Fingerprints;
import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.enrich.words.ArticleText;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Topics;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import static io.akhbar.model.AkhbarSerdes.ARTICLE;
import static io.akhbar.model.AkhbarSerdes.ENRICHED_ARTICLE;
import static io.akhbar.model.AkhbarSerdes.KEY;

/**
 * Every pure step of enrich (normalised words, fingerprint, MinHash signature and its band hashes, tags) in one
 * stage with no state, each article emitted at once as its own story: what the enrichment costs inside a stream,
 * without the story state and the band buckets that find near-duplicates. Only for
 * {@link EnrichThroughputBenchmark}, whose difference between this and the real topology is the cost of that state.
 */
final class StatelessEnrichment implements Processor<String, Article, String, EnrichedArticle> {
    private final Tagger tagger;
    private final MinHasher minHasher;
    private final LshBands lsh;
    private ProcessorContext<String, EnrichedArticle> context;

    private StatelessEnrichment(EnrichSettings settings, Tagger tagger) {
        this.tagger = tagger;
        this.minHasher = new MinHasher(settings.signatureLength(), settings.shingleSize());
        this.lsh = new LshBands(settings.bands(), settings.rowsPerBand());
    }

    static Topology topology(Topics topics, EnrichSettings settings, Tagger tagger) {
        Topology topology = new Topology();
        topology.addSource("articles", KEY.deserializer(), ARTICLE.deserializer(), topics.articles());
        topology.addProcessor("enrich", () -> new StatelessEnrichment(settings, tagger), "articles");
        topology.addSink("enriched", topics.enriched(), KEY.serializer(), ENRICHED_ARTICLE.serializer(), "enrich");
        return topology;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        ArticleText text = ArticleText.of(article.getTitle(), article.getParagraphs());
        ArticleWords words = ArticleWords.of(text);
        String fingerprint = Fingerprints.of(words.all());
        long[] bandHashes = lsh.bandHashes(minHasher.signature(words.shingled()));
        Tags tags = tagger.tag(text, article.getLang());
        context.forward(record.withValue(EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint(fingerprint)
                .setContentVersion(1)
                // The band hashes must be used, or the JIT compiler may drop the work that made them.
                .setDocumentVersion(bandHashes[0] & Long.MAX_VALUE)
                .setStoryId(article.getId())
                .setDuplicate(null)
                .setDuplicateOf(null)
                .setEntities(tags.entities())
                .setTopics(tags.topics())
                .setWordCount(tags.wordCount())
                .setTaggerVersion(Tagger.VERSION)
                .build()));
    }
}
