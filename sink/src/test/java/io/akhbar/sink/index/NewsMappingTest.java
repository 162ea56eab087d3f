package io.akhbar.sink.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.akhbar.sink.index.NewsFields.*;
import static org.assertj.core.api.Assertions.assertThat;

class NewsMappingTest {

    @Test
    void textFieldsUseTheGivenAnalyzerWithAStandardExactSubField() {
        Map<String, Object> properties = properties(NewsMapping.mappings(NewsIndex.ARABIC_ANALYZER));

        for (String field : List.of(TITLE, TEXT)) {
            assertThat(properties.get(field)).isEqualTo(Map.of(
                    "type", "text",
                    "analyzer", "akhbar_arabic",
                    "fields", Map.of(EXACT, Map.of("type", "text", "analyzer", "standard"))));
        }
        assertThat(properties.get(BYLINE)).isEqualTo(Map.of("type", "text", "analyzer", "akhbar_arabic"));
    }

    @Test
    void filtersAndAggregationsWorkOnKeywords() {
        Map<String, Object> properties = properties(NewsMapping.mappings("standard"));

        for (String field : List.of(ID, URL, CANONICAL_URL, SITE, SOURCE, LANG, STORY_ID, DUPLICATE, DUPLICATE_OF,
                TOPICS, PERSONS, PLACES, ORGANIZATIONS, FINGERPRINT)) {
            assertThat(properties.get(field)).as(field).isEqualTo(Map.of("type", "keyword"));
        }
        assertThat(properties.get(ENTITIES)).isEqualTo(Map.of("properties", Map.of(
                ENTITY_TYPE, Map.of("type", "keyword"),
                ENTITY_NAME, Map.of("type", "keyword"),
                ENTITY_MENTIONS, Map.of("type", "integer"))));
        assertThat(properties.get(PUBLISHED_AT)).isEqualTo(Map.of("type", "date"));
        assertThat(properties.get(FETCHED_AT)).isEqualTo(Map.of("type", "date"));
        assertThat(properties.get(DOCUMENT_VERSION)).isEqualTo(Map.of("type", "long"));
    }

    @Test
    void theTemplateCoversThePatternWithItsSettings() {
        Map<String, Object> template = NewsMapping.template("news-*", 1, "standard");

        assertThat(template.get("index_patterns")).isEqualTo(List.of("news-*"));
        assertThat(template.get("priority")).isEqualTo(NewsMapping.TEMPLATE_PRIORITY);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) template.get("template");
        assertThat(body.get("settings")).isEqualTo(Map.of("number_of_shards", 1, "number_of_replicas", 1));
        assertThat(body.get("mappings")).isEqualTo(NewsMapping.mappings("standard"));
        assertThat(NewsMapping.mappings("standard")).containsEntry("dynamic", "false");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> mappings) {
        return (Map<String, Object>) mappings.get("properties");
    }
}
