package io.akhbar.enrich.dedup;

import io.akhbar.model.DuplicateKind;
import io.akhbar.model.internal.StoryMatch;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What an article is emitted as, given its story's earliest member and the articles it matched directly. A story's
 * id is that of its earliest member (publication time, then key), so the outcome does not depend on arrival order
 * or partitioning. An article is an exact duplicate of the earliest earlier article with the same normalised text
 * that it matched, else a near duplicate of its story's first member when it is not that member.
 */
public record StoryDecision(String storyId, DuplicateKind duplicate, String duplicateOf) {

    public static final Comparator<StoryMatch> EARLIEST_FIRST =
            Comparator.comparingLong(StoryMatch::getOrderTime).thenComparing(StoryMatch::getArticleId);

    public static StoryDecision decide(StoryMatch self, StoryMatch story, Collection<StoryMatch> matches) {
        if (story.getArticleId().equals(self.getArticleId())) {
            return new StoryDecision(self.getArticleId(), null, null);
        }
        Optional<StoryMatch> earlierSameText = matches.stream()
                .filter(m -> m.getFingerprint().equals(self.getFingerprint()))
                .filter(m -> EARLIEST_FIRST.compare(m, self) < 0)
                .min(EARLIEST_FIRST);
        return earlierSameText
                .map(m -> new StoryDecision(story.getArticleId(), DuplicateKind.EXACT, m.getArticleId()))
                .orElseGet(() -> new StoryDecision(story.getArticleId(), DuplicateKind.NEAR, story.getArticleId()));
    }

    /** The earlier of two members. */
    public static StoryMatch earlier(StoryMatch a, StoryMatch b) {
        return EARLIEST_FIRST.compare(a, b) <= 0 ? a : b;
    }
}
