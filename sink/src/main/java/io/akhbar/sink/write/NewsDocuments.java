package io.akhbar.sink.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;
import io.akhbar.model.ExtractionInfo;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.akhbar.sink.index.NewsFields.*;

/**
 * Maps an enriched article to its news document. The document is a pure function of the record (no indexing
 * time, nothing from Kafka), so replaying a topic yields byte-identical documents.
 */
public final class NewsDocuments {
    /** Elasticsearch rejects a whole bulk request, not just the document, when an {@code _id} is longer. */
    static final int MAX_ID_BYTES = 512;
    private static final String PARAGRAPH_SEPARATOR = "\n\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsDocuments() {
    }

    /**
     * The document to index, or {@link InvalidDocumentException} for a record whose id or version Elasticsearch
     * would refuse for the whole bulk request rather than for that document alone.
     */
    public static VersionedDocument prepare(EnrichedArticle enriched) {
        Article article = enriched.getArticle();
        String id = article.getId();
        if (id == null || id.isBlank()) {
            throw new InvalidDocumentException("the article has no id");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidDocumentException("the article id is longer than " + MAX_ID_BYTES + " bytes");
        }
        if (enriched.getDocumentVersion() < 0) {
            throw new InvalidDocumentException("negative document version " + enriched.getDocumentVersion());
        }
        return new VersionedDocument(id, enriched.getDocumentVersion(), article.getUrl(), toJson(source(enriched)));
    }

    /** The document source; absent values are left out rather than written as null. */
    public static Map<String, Object> source(EnrichedArticle enriched) {
        Article article = enriched.getArticle();
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, ID, article.getId());
        put(doc, URL, article.getUrl());
        put(doc, CANONICAL_URL, article.getCanonicalUrl());
        put(doc, SITE, article.getSite());
        put(doc, SOURCE, article.getSource());
        put(doc, LANG, article.getLang());
        put(doc, TITLE, article.getTitle());
        put(doc, BYLINE, article.getByline());
        put(doc, TEXT, text(article.getParagraphs()));
        put(doc, PUBLISHED_AT, iso(article.getPublishedAt()));
        put(doc, FETCHED_AT, iso(article.getFetchedAt()));
        put(doc, FINGERPRINT, enriched.getFingerprint());
        put(doc, CONTENT_VERSION, enriched.getContentVersion());
        put(doc, DOCUMENT_VERSION, enriched.getDocumentVersion());
        put(doc, STORY_ID, enriched.getStoryId());
        put(doc, DUPLICATE, enriched.getDuplicate() == null ? null : enriched.getDuplicate().name());
        put(doc, DUPLICATE_OF, enriched.getDuplicateOf());
        List<Entity> entities = enriched.getEntities();
        doc.put(ENTITIES, entities.stream().map(NewsDocuments::entity).collect(Collectors.toList()));
        doc.put(PERSONS, namesOf(entities, EntityType.PERSON));
        doc.put(PLACES, namesOf(entities, EntityType.PLACE));
        doc.put(ORGANIZATIONS, namesOf(entities, EntityType.ORGANIZATION));
        doc.put(TOPICS, List.copyOf(enriched.getTopics()));
        put(doc, WORD_COUNT, enriched.getWordCount());
        put(doc, TAGGER_VERSION, enriched.getTaggerVersion());
        put(doc, EXTRACTION, extraction(article.getExtraction()));
        return doc;
    }

    /** Paragraphs joined by blank lines, so that highlighting and display keep the paragraph breaks. */
    public static String text(List<String> paragraphs) {
        return paragraphs.stream()
                .filter(paragraph -> paragraph != null && !paragraph.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(PARAGRAPH_SEPARATOR));
    }

    private static Map<String, Object> entity(Entity entity) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(ENTITY_TYPE, entity.getType().name());
        doc.put(ENTITY_NAME, entity.getName());
        doc.put(ENTITY_MENTIONS, entity.getMentions());
        return doc;
    }

    private static List<String> namesOf(List<Entity> entities, EntityType type) {
        return List.copyOf(entities.stream()
                .filter(entity -> entity.getType() == type)
                .map(Entity::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static Map<String, Object> extraction(ExtractionInfo extraction) {
        if (extraction == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, EXTRACTOR_VERSION, extraction.getExtractorVersion());
        put(doc, EXTRACTION_METHOD, extraction.getMethod());
        put(doc, EXTRACTION_CONFIDENCE, extraction.getConfidence());
        return doc;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    private static byte[] toJson(Map<String, Object> source) {
        try {
            return JSON.writeValueAsBytes(source);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a news document as JSON", e);
        }
    }
}
