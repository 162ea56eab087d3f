package io.akhbar.model;

import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.BandSignature;
import io.akhbar.model.internal.StoryState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of the topic contract: string keys, Avro single-object values; internal ones for enrich's own topics and stores. */
public final class AkhbarSerdes {
    public static final Serde<String> KEY = Serdes.String();
    public static final AvroSerde<RawPage> RAW_PAGE = new AvroSerde<>(RawPage.class);
    public static final AvroSerde<Article> ARTICLE = new AvroSerde<>(Article.class);
    public static final AvroSerde<EnrichedArticle> ENRICHED_ARTICLE = new AvroSerde<>(EnrichedArticle.class);
    public static final AvroSerde<DeadLetter> DEAD_LETTER = new AvroSerde<>(DeadLetter.class);
    public static final AvroSerde<FrontierEntry> FRONTIER_ENTRY = new AvroSerde<>(FrontierEntry.class);
    public static final AvroSerde<CrawlState> CRAWL_STATE = new AvroSerde<>(CrawlState.class);

    public static final AvroSerde<StoryState> STORY_STATE = new AvroSerde<>(StoryState.class);
    public static final AvroSerde<BandProbe> BAND_PROBE = new AvroSerde<>(BandProbe.class);
    public static final AvroSerde<BandMembers> BAND_MEMBERS = new AvroSerde<>(BandMembers.class);
    public static final AvroSerde<BandReply> BAND_REPLY = new AvroSerde<>(BandReply.class);
    public static final AvroSerde<BandSignature> BAND_SIGNATURE = new AvroSerde<>(BandSignature.class);

    private AkhbarSerdes() {
    }
}
