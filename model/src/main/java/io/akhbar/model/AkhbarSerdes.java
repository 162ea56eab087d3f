package io.akhbar.model;

import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.BandSignature;
import io.akhbar.model.internal.StoredArticle;
import io.akhbar.model.internal.StoryState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;

/** The serdes of the topic contract: string keys, Avro single-object values; internal ones for enrich's own topics and stores. */
public final class AkhbarSerdes {
    public static final Serde<String> KEY = Serdes.String();
    public static final AvroSerde<RawPage> RAW_PAGE = new AvroSerde<>(RawPage.class);
    public static final AvroSerde<Article> ARTICLE = new AvroSerde<>(Article.class);
    public static final AvroSerde<EnrichedArticle> ENRICHED_ARTICLE = new AvroSerde<>(EnrichedArticle.class);
    public static final AvroSerde<DeadLetter> DEAD_LETTER = new AvroSerde<>(DeadLetter.class);
    public static final AvroSerde<FrontierEntry> FRONTIER_ENTRY = new AvroSerde<>(FrontierEntry.class);
    public static final AvroSerde<CrawlState> CRAWL_STATE = new AvroSerde<>(CrawlState.class);

    private static final AvroSerde<StoredArticle> STORED_ARTICLE_RECORD = new AvroSerde<>(StoredArticle.class);
    /**
     * Values of enrich's story-articles store. Earlier versions of enrich kept the bare article there, tagging it on
     * emission; such a value reads as a stored article without enrichment, which enrich tags when it emits it.
     */
    public static final Serde<StoredArticle> STORED_ARTICLE = Serdes.serdeFrom(STORED_ARTICLE_RECORD.serializer(),
            (topic, bytes) -> bytes == null ? null
                    : ARTICLE.recognizes(bytes) ? new StoredArticle(ByteBuffer.wrap(bytes), ByteBuffer.allocate(0))
                    : STORED_ARTICLE_RECORD.decode(bytes));

    public static final AvroSerde<StoryState> STORY_STATE = new AvroSerde<>(StoryState.class);
    public static final AvroSerde<BandProbe> BAND_PROBE = new AvroSerde<>(BandProbe.class);
    public static final AvroSerde<BandMembers> BAND_MEMBERS = new AvroSerde<>(BandMembers.class);
    public static final AvroSerde<BandReply> BAND_REPLY = new AvroSerde<>(BandReply.class);
    public static final AvroSerde<BandSignature> BAND_SIGNATURE = new AvroSerde<>(BandSignature.class);

    private AkhbarSerdes() {
    }
}
