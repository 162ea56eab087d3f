package io.akhbar.sink.search;

import java.util.Map;

/**
 * A news document as stored.
 *
 * @param version the external version it was indexed with: the article's document version
 * @param source  the document fields (see {@code io.akhbar.sink.index.NewsFields})
 */
public record StoredArticle(String id, long version, Map<String, Object> source) {
}
