package io.akhbar.enrich.story;

import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * An article from the articles topic with the bytes it came in, which enrich keeps and emits as they are
 * ({@link io.akhbar.model.EnrichedArticleEncoding}) instead of encoding the article again.
 */
public record ReceivedArticle(Article article, byte[] bytes) {
    /** Reads the articles topic; bytes that are not an article fail here, for the deserialization handler. */
    public static final Deserializer<ReceivedArticle> DESERIALIZER = (topic, bytes) ->
            bytes == null ? null : new ReceivedArticle(AkhbarSerdes.ARTICLE.decode(bytes), bytes);
}
