package io.akhbar.sink.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.akhbar.sink.index.NewsFields.*;

/**
 * The index template of the news indices, as the JSON body of {@code PUT _index_template}. Text fields are
 * analysed with the analyzer given (the Arabic one when the cluster has it) and carry an {@code exact} sub-field
 * analysed by {@code standard}.
 */
public final class NewsMapping {
    /** Raise when the mapping changes, so that an index's {@code _meta} tells which mapping built it. */
    public static final int MAPPING_VERSION = 1;
    public static final String EXACT_ANALYZER = "standard";
    /** Above the built-in templates' priorities, so that ours wins for {@code news-*} whatever the cluster ships. */
    static final int TEMPLATE_PRIORITY = 500;

    private NewsMapping() {
    }

    public static Map<String, Object> template(String pattern, int replicas, String textAnalyzer) {
        return ordered(
                "index_patterns", List.of(pattern),
                "priority", TEMPLATE_PRIORITY,
                "_meta", Map.of("managedBy", "akhbar-sink", "mappingVersion", MAPPING_VERSION),
                "template", ordered(
                        "settings", ordered("number_of_shards", 1, "number_of_replicas", replicas),
                        "mappings", mappings(textAnalyzer)));
    }

    /**
     * Unknown fields are kept in {@code _source} but not indexed ({@code dynamic: false}) rather than rejected: an
     * index built under an older mapping keeps accepting documents from a newer sink until it is reindexed.
     */
    public static Map<String, Object> mappings(String textAnalyzer) {
        Map<String, Object> properties = ordered(
                ID, keyword(),
                URL, keyword(),
                CANONICAL_URL, keyword(),
                SITE, keyword(),
                SOURCE, keyword(),
                LANG, keyword(),
                TITLE, textWithExact(textAnalyzer),
                BYLINE, text(textAnalyzer),
                TEXT, textWithExact(textAnalyzer),
                PUBLISHED_AT, date(),
                FETCHED_AT, date(),
                FINGERPRINT, keyword(),
                CONTENT_VERSION, type("integer"),
                DOCUMENT_VERSION, type("long"),
                STORY_ID, keyword(),
                DUPLICATE, keyword(),
                DUPLICATE_OF, keyword());
        properties.put(ENTITIES, object(ordered(
                ENTITY_TYPE, keyword(),
                ENTITY_NAME, keyword(),
                ENTITY_MENTIONS, type("integer"))));
        properties.put(PERSONS, keyword());
        properties.put(PLACES, keyword());
        properties.put(ORGANIZATIONS, keyword());
        properties.put(TOPICS, keyword());
        properties.put(WORD_COUNT, type("integer"));
        properties.put(TAGGER_VERSION, type("integer"));
        properties.put(EXTRACTION, object(ordered(
                EXTRACTOR_VERSION, keyword(),
                EXTRACTION_METHOD, keyword(),
                EXTRACTION_CONFIDENCE, type("float"))));
        return ordered(
                "dynamic", "false",
                "_meta", Map.of("mappingVersion", MAPPING_VERSION, "textAnalyzer", textAnalyzer),
                "properties", properties);
    }

    private static Map<String, Object> textWithExact(String analyzer) {
        Map<String, Object> field = text(analyzer);
        field.put("fields", Map.of(EXACT, Map.of("type", "text", "analyzer", EXACT_ANALYZER)));
        return field;
    }

    private static Map<String, Object> text(String analyzer) {
        return ordered("type", "text", "analyzer", analyzer);
    }

    private static Map<String, Object> keyword() {
        return type("keyword");
    }

    private static Map<String, Object> date() {
        return type("date");
    }

    private static Map<String, Object> type(String type) {
        return ordered("type", type);
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return ordered("properties", properties);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
