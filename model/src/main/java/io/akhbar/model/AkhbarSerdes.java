package io.akhbar.model;

import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.BandSignature;
import io.akhbar.model.internal.StoryState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/** The serdes of the topic contract: string keys, Avro single-object values; internal ones for enrich's own topics and stores. */
public final class AkhbarSerdes {
    public static final Serde<String> KEY = Serdes.String();
    public static final AvroSerde<RawPage> RAW_PAGE = new AvroSerde<>(RawPage.class);
    public static final AvroSerde<Article> ARTICLE = new AvroSerde<>(Article.class);
    public static final AvroSerde<EnrichedArticle> ENRICHED_ARTICLE = new AvroSerde<>(EnrichedArticle.class);
    public static final AvroSerde<DeadLetter> DEAD_LETTER = new AvroSerde<>(DeadLetter.class);
    public static final AvroSerde<FrontierEntry> FRONTIER_ENTRY = new AvroSerde<>(FrontierEntry.class);
    public static final AvroSerde<CrawlState> CRAWL_STATE = new AvroSerde<>(CrawlState.class);

    /**
     * Values of enrich's story-articles store: an article tagged on arrival, waiting for its story. Earlier versions
     * of enrich kept the bare article there, tagging it on emission; such a value reads as an enriched article of
     * tagger version 0 with no tags, which enrich tags when it emits it.
     */
    public static final Serde<EnrichedArticle> STORED_ARTICLE = Serdes.serdeFrom(ENRICHED_ARTICLE.serializer(),
            (topic, bytes) -> bytes == null ? null
                    : ARTICLE.recognizes(bytes) ? untagged(ARTICLE.decode(bytes)) : ENRICHED_ARTICLE.decode(bytes));

    public static final AvroSerde<StoryState> STORY_STATE = new AvroSerde<>(StoryState.class);
    public static final AvroSerde<BandProbe> BAND_PROBE = new AvroSerde<>(BandProbe.class);
    public static final AvroSerde<BandMembers> BAND_MEMBERS = new AvroSerde<>(BandMembers.class);
    public static final AvroSerde<BandReply> BAND_REPLY = new AvroSerde<>(BandReply.class);
    public static final AvroSerde<BandSignature> BAND_SIGNATURE = new AvroSerde<>(BandSignature.class);

    private AkhbarSerdes() {
    }

    private static EnrichedArticle untagged(Article article) {
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint("")
                .setContentVersion(0)
                .setDocumentVersion(0)
                .setStoryId(article.getId())
                .setDuplicate(null)
                .setDuplicateOf(null)
                .setEntities(List.of())
                .setTopics(List.of())
                .setWordCount(0)
                .setTaggerVersion(0)
                .build();
    }
}
