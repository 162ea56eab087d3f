package io.akhbar.sink.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;
import io.akhbar.sink.index.NewsMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.akhbar.sink.index.NewsFields.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class NewsDocumentsTest {

    @Test
    void mapsEveryPartOfTheEnrichedArticle() {
        Map<String, Object> doc = NewsDocuments.source(TestArticles.complete());

        assertThat(doc).contains(
                entry(ID, "0123456789abcdef0123456789abcdef"),
                entry(URL, "https://www.example.com/news/1?utm=x"),
                entry(CANONICAL_URL, "https://www.example.com/news/1"),
                entry(SITE, "example.com"),
                entry(SOURCE, "example"),
                entry(LANG, "ar"),
                entry(TITLE, "أردوغان يدعو إلى منع التصعيد"),
                entry(BYLINE, "مراسل"),
                entry(PUBLISHED_AT, "2024-05-01T10:15:30Z"),
                entry(FETCHED_AT, "2024-05-01T10:20:00Z"),
                entry(FINGERPRINT, "f1"),
                entry(CONTENT_VERSION, 2),
                entry(DOCUMENT_VERSION, 7L),
                entry(STORY_ID, "story-1"),
                entry(DUPLICATE, "NEAR"),
                entry(DUPLICATE_OF, "other"),
                entry(TOPICS, List.of("politics", "turkey")),
                entry(WORD_COUNT, 120),
                entry(TAGGER_VERSION, 3));
        assertThat(doc.get(TEXT)).isEqualTo("الفقرة الأولى.\n\nالفقرة الثانية.");
        assertThat(doc.get(ENTITIES)).isEqualTo(List.of(
                Map.of(ENTITY_TYPE, "PERSON", ENTITY_NAME, "رجب طيب أردوغان", ENTITY_MENTIONS, 2),
                Map.of(ENTITY_TYPE, "PLACE", ENTITY_NAME, "أنقرة", ENTITY_MENTIONS, 1),
                Map.of(ENTITY_TYPE, "ORGANIZATION", ENTITY_NAME, "الأمم المتحدة", ENTITY_MENTIONS, 1),
                Map.of(ENTITY_TYPE, "PERSON", ENTITY_NAME, "أنطونيو غوتيريش", ENTITY_MENTIONS, 1)));
        assertThat(doc.get(PERSONS)).isEqualTo(List.of("رجب طيب أردوغان", "أنطونيو غوتيريش"));
        assertThat(doc.get(PLACES)).isEqualTo(List.of("أنقرة"));
        assertThat(doc.get(ORGANIZATIONS)).isEqualTo(List.of("الأمم المتحدة"));
        assertThat(doc.get(EXTRACTION)).isEqualTo(Map.of(
                EXTRACTOR_VERSION, "1.2.0", EXTRACTION_METHOD, "json-ld", EXTRACTION_CONFIDENCE, 0.9));
    }

    @Test
    void leavesOutAbsentValuesAndKeepsEmptyLists() {
        Map<String, Object> doc = NewsDocuments.source(TestArticles.minimal());

        assertThat(doc).doesNotContainKeys(SOURCE, BYLINE, PUBLISHED_AT, DUPLICATE, DUPLICATE_OF);
        assertThat(doc.get(ENTITIES)).isEqualTo(List.of());
        assertThat(doc.get(PERSONS)).isEqualTo(List.of());
        assertThat(doc.get(TOPICS)).isEqualTo(List.of());
    }

    @Test
    void listsEachEntityNameOncePerType() {
        EnrichedArticle enriched = TestArticles.complete();
        enriched.setEntities(List.of(
                new Entity(EntityType.PERSON, "أ", 1),
                new Entity(EntityType.PERSON, "أ", 1)));

        assertThat(NewsDocuments.source(enriched).get(PERSONS)).isEqualTo(List.of("أ"));
    }

    @Test
    void everyDocumentFieldIsMapped() {
        Map<String, Object> doc = NewsDocuments.source(TestArticles.complete());
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) NewsMapping.mappings("standard").get("properties");

        assertThat(properties.keySet()).containsAll(doc.keySet());
        assertThat(subProperties(properties, ENTITIES)).containsOnlyKeys(ENTITY_TYPE, ENTITY_NAME, ENTITY_MENTIONS);
        assertThat(subProperties(properties, EXTRACTION))
                .containsOnlyKeys(EXTRACTOR_VERSION, EXTRACTION_METHOD, EXTRACTION_CONFIDENCE);
    }

    @Test
    void preparesTheVersionedJsonDocument() throws Exception {
        VersionedDocument document = NewsDocuments.prepare(TestArticles.complete());

        assertThat(document.id()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(document.version()).isEqualTo(7);
        assertThat(document.url()).isEqualTo("https://www.example.com/news/1?utm=x");
        assertThat(new ObjectMapper().readValue(document.json(), Map.class))
                .isEqualTo(new ObjectMapper().readValue(new ObjectMapper().writeValueAsBytes(
                        NewsDocuments.source(TestArticles.complete())), Map.class));
    }

    @Test
    void theSameRecordAlwaysGivesTheSameBytes() {
        assertThat(NewsDocuments.prepare(TestArticles.complete()).json())
                .isEqualTo(NewsDocuments.prepare(TestArticles.complete()).json());
    }

    @Test
    void refusesWhatWouldFailTheWholeBulkRequest() {
        EnrichedArticle blankId = TestArticles.complete();
        blankId.getArticle().setId(" ");
        EnrichedArticle longId = TestArticles.complete();
        longId.getArticle().setId("x".repeat(NewsDocuments.MAX_ID_BYTES + 1));
        EnrichedArticle negativeVersion = TestArticles.complete();
        negativeVersion.setDocumentVersion(-1L);

        assertThatThrownBy(() -> NewsDocuments.prepare(blankId)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("no id");
        assertThatThrownBy(() -> NewsDocuments.prepare(longId)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("longer than 512 bytes");
        assertThatThrownBy(() -> NewsDocuments.prepare(negativeVersion)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("negative document version -1");
    }

    @Test
    void joinsNonBlankParagraphsWithBlankLines() {
        assertThat(NewsDocuments.text(List.of(" أ ", "", "ب", "\n"))).isEqualTo("أ\n\nب");
        assertThat(NewsDocuments.text(List.of())).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subProperties(Map<String, Object> properties, String field) {
        return (Map<String, Object>) ((Map<String, Object>) properties.get(field)).get("properties");
    }
}
