package io.akhbar.sink.search;

import java.time.Instant;
import java.util.List;

/**
 * One article found.
 *
 * @param publishedAt null when the site gave no publication time
 * @param highlights  the matching title first (if it matched), then passages of the text, with matches between
 *                    {@link NewsSearch#HIGHLIGHT_START} and {@link NewsSearch#HIGHLIGHT_END}; empty without a query
 * @param score       relevance; NaN when sorted by date (no query)
 */
public record ArticleHit(String id, String title, String site, String url, Instant publishedAt, String storyId,
                         List<String> highlights, double score) {
}
