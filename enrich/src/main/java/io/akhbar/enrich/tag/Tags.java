package io.akhbar.enrich.tag;

import io.akhbar.model.Entity;

import java.util.List;

/**
 * What the tagger found in one article.
 *
 * @param entities  gazetteer entities named in the title or body, most mentioned first, then by name
 * @param topics    at most three taxonomy topics, highest score first
 * @param lang      "ar" when most letters are Arabic, else the extraction's hint, else "und"
 * @param wordCount words in the body (the paragraphs, not the title), counted as {@code ArabicNormalizer.tokens} does
 */
public record Tags(List<Entity> entities, List<String> topics, String lang, int wordCount) {
    public Tags {
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
