package io.akhbar.sink.index;

/** Field names of a news document, shared by the mapping, the writer and the search. */
public final class NewsFields {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String CANONICAL_URL = "canonicalUrl";
    public static final String SITE = "site";
    public static final String SOURCE = "source";
    public static final String LANG = "lang";
    public static final String TITLE = "title";
    public static final String BYLINE = "byline";
    /** The paragraphs, joined by blank lines. */
    public static final String TEXT = "text";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String FETCHED_AT = "fetchedAt";
    public static final String FINGERPRINT = "fingerprint";
    public static final String CONTENT_VERSION = "contentVersion";
    public static final String DOCUMENT_VERSION = "documentVersion";
    public static final String STORY_ID = "storyId";
    public static final String DUPLICATE = "duplicate";
    public static final String DUPLICATE_OF = "duplicateOf";
    /** Objects {type, name, mentions}; an object array, so {@code entities.name} is a plain keyword array. */
    public static final String ENTITIES = "entities";
    public static final String ENTITY_TYPE = "type";
    public static final String ENTITY_NAME = "name";
    public static final String ENTITY_MENTIONS = "mentions";
    public static final String ENTITIES_NAME = ENTITIES + "." + ENTITY_NAME;
    public static final String ENTITIES_TYPE = ENTITIES + "." + ENTITY_TYPE;
    /** Entity names by type, so that "top persons" is a terms aggregation on one field. */
    public static final String PERSONS = "persons";
    public static final String PLACES = "places";
    public static final String ORGANIZATIONS = "organizations";
    public static final String TOPICS = "topics";
    public static final String WORD_COUNT = "wordCount";
    public static final String TAGGER_VERSION = "taggerVersion";
    public static final String EXTRACTION = "extraction";
    public static final String EXTRACTOR_VERSION = "extractorVersion";
    public static final String EXTRACTION_METHOD = "method";
    public static final String EXTRACTION_CONFIDENCE = "confidence";
    /** Sub-field of title and text analysed by {@code standard}, for quoted (exact) queries. */
    public static final String EXACT = "exact";

    private NewsFields() {
    }
}
