package io.akhbar.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.akhbar.model.AkhbarSerdes.ARTICLE;
import static io.akhbar.model.AkhbarSerdes.ENRICHED_ARTICLE;

/**
 * An enriched article's encoding put together from its article's encoding, as it was received, and the encoding of
 * the fields enrich adds to it (its enrichment). Enrich keeps the article until its story is known and then emits
 * it; joining bytes spares it encoding the article for its store, decoding it from there and encoding it again for
 * the enriched topic, which cost more than anything else it writes, as Arabic text is slow to encode as UTF-8.
 *
 * <p>This works because the article is {@link EnrichedArticle}'s first field, and a nested record's encoding is
 * its fields' encodings in order: the same bytes as its own single-object encoding without the header. An article
 * received in an older version of its schema is decoded and encoded again.
 */
public final class EnrichedArticleEncoding {
    private static final int HEADER_BYTES = AvroSerde.HEADER_BYTES;
    private static final Article PLACEHOLDER = Article.newBuilder()
            .setId("").setCanonicalUrl("").setUrl("").setSite("").setTitle("").setFetchedAt(Instant.EPOCH)
            .setParagraphs(List.of()).setLang("")
            .setExtraction(ExtractionInfo.newBuilder().setExtractorVersion("").setMethod("").build())
            .build();
    private static final byte[] ARTICLE_HEADER = ARTICLE.header();
    private static final byte[] ENRICHED_HEADER = ENRICHED_ARTICLE.header();
    private static final byte[] PLACEHOLDER_FIELDS = withoutHeader(ARTICLE.encode(PLACEHOLDER));

    static {
        if (!EnrichedArticle.SCHEMA$.getFields().get(0).name().equals("article")) {
            throw new ExceptionInInitializerError("EnrichedArticle's first field must be its article");
        }
    }

    private EnrichedArticleEncoding() {
    }

    /** Whether the bytes are an article encoded with the current schema, whose fields can be joined as they are. */
    private static boolean isCurrentArticle(byte[] article) {
        return hasHeader(article, ARTICLE_HEADER);
    }

    /**
     * The enrichment of an enriched article: the header of the current schema, then the encoding of every field after
     * the article.
     */
    public static byte[] enrichment(EnrichedArticle enriched) {
        // Encoded with an empty article in the article's place, whose bytes are then cut out, rather than a copy of
        // the record without its article: a copy would copy the article's text.
        Article article = enriched.getArticle();
        enriched.setArticle(PLACEHOLDER);
        try {
            byte[] encoded = ENRICHED_ARTICLE.encode(enriched);
            byte[] enrichment = new byte[encoded.length - PLACEHOLDER_FIELDS.length];
            System.arraycopy(encoded, 0, enrichment, 0, HEADER_BYTES);
            System.arraycopy(encoded, HEADER_BYTES + PLACEHOLDER_FIELDS.length, enrichment, HEADER_BYTES,
                    enrichment.length - HEADER_BYTES);
            return enrichment;
        } finally {
            enriched.setArticle(article);
        }
    }

    /**
     * The fields of an enrichment, with an empty placeholder for the article; empty when it is empty or was written
     * under another version of the schema, and must be made again.
     */
    public static Optional<EnrichedArticle> readEnrichment(byte[] enrichment) {
        if (!hasHeader(enrichment, ENRICHED_HEADER)) {
            return Optional.empty();
        }
        byte[] whole = new byte[enrichment.length + PLACEHOLDER_FIELDS.length];
        System.arraycopy(enrichment, 0, whole, 0, HEADER_BYTES);
        System.arraycopy(PLACEHOLDER_FIELDS, 0, whole, HEADER_BYTES, PLACEHOLDER_FIELDS.length);
        System.arraycopy(enrichment, HEADER_BYTES, whole, HEADER_BYTES + PLACEHOLDER_FIELDS.length,
                enrichment.length - HEADER_BYTES);
        return Optional.of(ENRICHED_ARTICLE.decode(whole));
    }

    /**
     * The single-object encoding of the enriched article made of this article (as received) and this enrichment
     * (of the current schema, as {@link #enrichment} makes it).
     */
    public static byte[] join(byte[] article, byte[] enrichment) {
        if (!hasHeader(enrichment, ENRICHED_HEADER)) {
            throw new IllegalArgumentException("the enrichment is not of the current EnrichedArticle schema");
        }
        if (!isCurrentArticle(article)) {
            EnrichedArticle enriched = readEnrichment(enrichment).orElseThrow();
            enriched.setArticle(ARTICLE.decode(article));
            return ENRICHED_ARTICLE.encode(enriched);
        }
        byte[] joined = new byte[article.length + enrichment.length - HEADER_BYTES];
        System.arraycopy(enrichment, 0, joined, 0, HEADER_BYTES);
        System.arraycopy(article, HEADER_BYTES, joined, HEADER_BYTES, article.length - HEADER_BYTES);
        System.arraycopy(enrichment, HEADER_BYTES, joined, article.length, enrichment.length - HEADER_BYTES);
        return joined;
    }

    private static boolean hasHeader(byte[] bytes, byte[] header) {
        return bytes.length >= HEADER_BYTES && Arrays.equals(bytes, 0, HEADER_BYTES, header, 0, HEADER_BYTES);
    }

    private static byte[] withoutHeader(byte[] encoded) {
        return Arrays.copyOfRange(encoded, HEADER_BYTES, encoded.length);
    }
}
