package io.akhbar.enrich.dedup;

import io.akhbar.model.DuplicateKind;
import io.akhbar.model.internal.StoryMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryDecisionTest {
    private final StoryMatch self = new StoryMatch("b", 200L, "f1");

    @Test
    void anArticleWithoutEarlierMatchesStartsItsOwnStory() {
        assertThat(StoryDecision.decide(self, List.of(new StoryMatch("c", 300L, "f2"))))
                .isEqualTo(new StoryDecision("b", null, null));
    }

    @Test
    void theEarliestMemberNamesTheStory() {
        assertThat(StoryDecision.decide(self, List.of(new StoryMatch("c", 100L, "f3"), new StoryMatch("a", 150L, "f2"))))
                .isEqualTo(new StoryDecision("c", DuplicateKind.NEAR, "c"));
    }

    @Test
    void sameTextEarlierIsAnExactDuplicateOfThatArticle() {
        assertThat(StoryDecision.decide(self, List.of(new StoryMatch("c", 100L, "f3"), new StoryMatch("a", 150L, "f1"))))
                .isEqualTo(new StoryDecision("c", DuplicateKind.EXACT, "a"));
    }

    @Test
    void equalTimesAreOrderedByKeySoEveryInstanceAgrees() {
        assertThat(StoryDecision.decide(new StoryMatch("b", 100L, "f1"), List.of(new StoryMatch("a", 100L, "f2"))).storyId())
                .isEqualTo("a");
        assertThat(StoryDecision.decide(new StoryMatch("a", 100L, "f2"), List.of(new StoryMatch("b", 100L, "f1"))).storyId())
                .isEqualTo("a");
    }
}
