package io.akhbar.sink.search;

import java.util.List;

/**
 * @param total how many articles (or, for stories, how many stories) match in all, beyond the hits returned
 * @param hits  the best ones, best first
 */
public record SearchResult<T>(long total, List<T> hits) {
}
