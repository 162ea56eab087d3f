package io.akhbar.enrich.dedup;

import io.akhbar.model.DuplicateKind;
import io.akhbar.model.internal.StoryMatch;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which story an article belongs to, given the articles found to match it. A story's id is that of its earliest
 * member (publication time, then key), so the outcome does not depend on arrival order or partitioning.
 */
public record StoryDecision(String storyId, DuplicateKind duplicate, String duplicateOf) {

    public static final Comparator<StoryMatch> EARLIEST_FIRST =
            Comparator.comparingLong(StoryMatch::getOrderTime).thenComparing(StoryMatch::getArticleId);

    public static StoryDecision decide(StoryMatch self, Collection<StoryMatch> matches) {
        StoryMatch earliest = matches.stream()
                .filter(m -> !m.getArticleId().equals(self.getArticleId()))
                .filter(m -> EARLIEST_FIRST.compare(m, self) < 0)
                .min(EARLIEST_FIRST)
                .orElse(self);
        if (earliest == self) {
            return new StoryDecision(self.getArticleId(), null, null);
        }
        Optional<StoryMatch> earlierSameText = matches.stream()
                .filter(m -> m.getFingerprint().equals(self.getFingerprint()))
                .filter(m -> EARLIEST_FIRST.compare(m, self) < 0)
                .min(EARLIEST_FIRST);
        return earlierSameText
                .map(m -> new StoryDecision(earliest.getArticleId(), DuplicateKind.EXACT, m.getArticleId()))
                .orElseGet(() -> new StoryDecision(earliest.getArticleId(), DuplicateKind.NEAR, earliest.getArticleId()));
    }
}
