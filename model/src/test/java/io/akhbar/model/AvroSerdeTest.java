package io.akhbar.model;

import io.akhbar.model.internal.BandReply;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeTest {

    @ParameterizedTest
    @ValueSource(classes = {RawPage.class, Article.class, EnrichedArticle.class, DeadLetter.class,
            FrontierEntry.class, CrawlState.class,
            io.akhbar.model.internal.StoryState.class,
            io.akhbar.model.internal.BandProbe.class, io.akhbar.model.internal.BandMembers.class,
            io.akhbar.model.internal.BandReply.class, io.akhbar.model.internal.BandSignature.class})
    void everyCurrentSchemaIsPublishedSoReplaysStayReadable(Class<?> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Long> published = PublishedSchemas.of(current.getName()).stream()
                .map(SchemaNormalization::parsingFingerprint64).toList();
        assertThat(published)
                .as("the current %s schema must be published as model/src/main/resources/io/akhbar/model/%s:%n%s",
                        current.getName(), PublishedSchemas.resourceName(current.getName(), published.size() + 1),
                        current.toString(true))
                .contains(SchemaNormalization.parsingFingerprint64(current));
    }

    @Test
    void rawPageRoundTripsWithItsBytesIntact() {
        RawPage page = RawPage.newBuilder()
                .setUrl("https://example.com/a").setFinalUrl("https://example.com/a").setStatus(200)
                .setHeaders(Map.of("content-type", "text/html; charset=windows-1256"))
                .setFetchedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .setBody(ByteBuffer.wrap(new byte[] {(byte) 0xC7, (byte) 0xE1, 0}))
                .build();
        RawPage back = AkhbarSerdes.RAW_PAGE.decode(AkhbarSerdes.RAW_PAGE.encode(page));
        assertThat(back).isEqualTo(page);
    }

    @Test
    void theBytesAreAvrosOwnSingleObjectEncodingBothWays() throws Exception {
        RawPage page = RawPage.newBuilder()
                .setUrl("https://example.com/ا").setFinalUrl("https://example.com/ا").setStatus(200)
                .setHeaders(Map.of("etag", "\"x\""))
                .setFetchedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .setBody(ByteBuffer.wrap("<p>نص</p>".getBytes(StandardCharsets.UTF_8)))
                .build();
        ByteBuffer avros = RawPage.getEncoder().encode(page);
        byte[] reference = new byte[avros.remaining()];
        avros.get(reference);

        assertThat(AkhbarSerdes.RAW_PAGE.encode(page)).isEqualTo(reference);
        assertThat(AkhbarSerdes.RAW_PAGE.decode(reference)).isEqualTo(page);
    }

    /** Encoding reuses one buffer per thread: a huge record, a failed one and a small one must not bleed into each other. */
    @Test
    void recordsEncodedOneAfterAnotherAreEachTheirOwnBytes() throws Exception {
        RawPage huge = page("https://example.com/huge", new byte[3 * 1024 * 1024]);
        RawPage small = page("https://example.com/small", "<p>نص</p>".getBytes(StandardCharsets.UTF_8));
        RawPage broken = page("https://example.com/broken", new byte[100]);
        broken.setHeaders(null);

        assertThat(AkhbarSerdes.RAW_PAGE.encode(huge)).isEqualTo(avroEncoding(huge));
        assertThatThrownBy(() -> AkhbarSerdes.RAW_PAGE.encode(broken)).isInstanceOf(SerializationException.class);
        assertThat(AkhbarSerdes.RAW_PAGE.encode(small)).isEqualTo(avroEncoding(small));
        assertThat(AkhbarSerdes.RAW_PAGE.encode(small)).isEqualTo(avroEncoding(small));
    }

    @Test
    void aRecordWrittenWithAnOlderPublishedSchemaIsReadWithTheCurrentOne() throws Exception {
        Schema first = PublishedSchemas.of("BandReply").get(0);
        GenericRecord old = new GenericRecordBuilder(first)
                .set("targetId", "a1").set("targetContentVersion", 2).set("band", 7).set("matches", List.of()).build();
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old).array();

        BandReply read = new AvroSerde<>(BandReply.class).decode(bytes);

        assertThat(read.getTargetId()).isEqualTo("a1");
        assertThat(read.getTargetContentVersion()).isEqualTo(2);
        assertThat(read.getAnsweredBands()).isEmpty();
        assertThat(read.getStory()).isNull();
    }

    @Test
    void anUnpublishedFingerprintFailsNamingTheType() {
        byte[] unknown = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> AkhbarSerdes.ARTICLE.decode(unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article").hasMessageContaining("unknown schema fingerprint");
    }

    @Test
    void bytesThatAreNotOurAvroFailWithASerializationExceptionNamingTheType() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AkhbarSerdes.ARTICLE.decode(garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article");
    }

    /** Enrich emits an article by joining the bytes it arrived in with its enrichment: the same bytes as encoding it whole. */
    @Test
    void anEnrichedArticleJoinedFromItsPartsIsEncodedAsIfWhole() {
        EnrichedArticle enriched = enriched();
        byte[] enrichment = EnrichedArticleEncoding.enrichment(enriched);

        assertThat(EnrichedArticleEncoding.join(AkhbarSerdes.ARTICLE.encode(enriched.getArticle()), enrichment))
                .isEqualTo(AkhbarSerdes.ENRICHED_ARTICLE.encode(enriched));
        EnrichedArticle read = EnrichedArticleEncoding.readEnrichment(enrichment).orElseThrow();
        read.setArticle(enriched.getArticle());
        assertThat(read).isEqualTo(enriched);
        assertThat(EnrichedArticleEncoding.readEnrichment(new byte[0])).isEmpty();
    }

    /** Bytes that are not this version of the article cannot be joined as they are: an unknown version is refused. */
    @Test
    void anArticleInAnUnknownSchemaOrAnEnrichmentOfAnotherIsRefusedWhenJoined() {
        byte[] unknownVersion = AkhbarSerdes.ARTICLE.encode(article());
        unknownVersion[2] ^= 1;
        byte[] enrichment = EnrichedArticleEncoding.enrichment(enriched());

        assertThatThrownBy(() -> EnrichedArticleEncoding.join(unknownVersion, enrichment))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema fingerprint");
        assertThatThrownBy(() -> EnrichedArticleEncoding.join(AkhbarSerdes.ARTICLE.encode(article()), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Article article() {
        return Article.newBuilder().setId("a1").setCanonicalUrl("https://example.com/a")
                .setUrl("https://example.com/a").setSite("example.com").setTitle("عنوان").setParagraphs(List.of("نص"))
                .setFetchedAt(Instant.parse("2024-01-01T00:00:00Z")).setLang("ar")
                .setExtraction(ExtractionInfo.newBuilder().setExtractorVersion("1").setMethod("test").build())
                .build();
    }

    private static EnrichedArticle enriched() {
        return EnrichedArticle.newBuilder().setArticle(article()).setFingerprint("f").setContentVersion(1)
                .setDocumentVersion(7).setStoryId("a0").setDuplicate(DuplicateKind.NEAR).setDuplicateOf("a0")
                .setEntities(List.of(new Entity(EntityType.PLACE, "سوريا", 2))).setTopics(List.of("politics"))
                .setWordCount(1).setTaggerVersion(6).build();
    }

    @Test
    void articleKeysAreStableFixedLengthHex() {
        assertThat(ArticleKeys.of("https://example.com/a")).hasSize(32).matches("[0-9a-f]+")
                .isEqualTo(ArticleKeys.of("https://example.com/a"))
                .isNotEqualTo(ArticleKeys.of("https://example.com/b"));
    }

    @Test
    void prefixedTopicsKeepTheirVersionedNames() {
        assertThat(Topics.withPrefix("t1.").articles()).isEqualTo("t1.akhbar.articles.v1");
        assertThat(Topics.DEFAULT.all()).containsExactly(
                "akhbar.raw.v1", "akhbar.articles.v1", "akhbar.enriched.v1", "akhbar.deadletters.v1",
                "akhbar.enrich.band-probes.v3", "akhbar.enrich.story-replies.v2",
                "akhbar.crawl.frontier.v1", "akhbar.crawl.state.v1");
    }

    private static RawPage page(String url, byte[] body) {
        return RawPage.newBuilder()
                .setUrl(url).setFinalUrl(url).setStatus(200)
                .setHeaders(Map.of("etag", "\"x\""))
                .setFetchedAt(Instant.parse("2024-01-01T00:00:00Z"))
                .setBody(ByteBuffer.wrap(body))
                .build();
    }

    private static byte[] avroEncoding(RawPage page) throws Exception {
        ByteBuffer encoded = RawPage.getEncoder().encode(page);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
