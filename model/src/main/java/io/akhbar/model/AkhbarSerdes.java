package io.akhbar.model;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of the topic contract: string keys, Avro single-object values. */
public final class AkhbarSerdes {
    public static final Serde<String> KEY = Serdes.String();
    public static final AvroSerde<RawPage> RAW_PAGE = new AvroSerde<>(RawPage.class);
    public static final AvroSerde<Article> ARTICLE = new AvroSerde<>(Article.class);
    public static final AvroSerde<EnrichedArticle> ENRICHED_ARTICLE = new AvroSerde<>(EnrichedArticle.class);
    public static final AvroSerde<DeadLetter> DEAD_LETTER = new AvroSerde<>(DeadLetter.class);

    private AkhbarSerdes() {
    }
}
