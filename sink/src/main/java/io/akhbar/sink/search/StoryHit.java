package io.akhbar.sink.search;

import java.time.Instant;
import java.util.List;

/**
 * One story found: the articles sharing a story id, told by the earliest of them.
 *
 * @param title       title of the story's earliest article (by publication time, then fetch time)
 * @param site        site of the earliest article
 * @param url         URL of the earliest article
 * @param publishedAt publication time of the earliest article, null if it has none
 * @param outlets     how many distinct sites carried the story
 * @param members     how many articles the story has in the index (whether or not they match the query)
 * @param highlights  highlights of the story's best-matching article
 */
public record StoryHit(String storyId, String title, String site, String url, Instant publishedAt, long outlets,
                       long members, List<String> highlights) {
}
