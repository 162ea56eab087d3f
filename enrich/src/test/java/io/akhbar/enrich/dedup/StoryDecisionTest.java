package io.akhbar.enrich.dedup;

import io.akhbar.model.DuplicateKind;
import io.akhbar.model.internal.StoryMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoryDecisionTest {
    private final StoryMatch self = match("b", 200L, "f1");

    @Test
    void theFirstMemberOfItsStoryIsNoDuplicate() {
        assertThat(StoryDecision.decide(self, self, List.of(match("c", 300L, "f2"))))
                .isEqualTo(new StoryDecision("b", null, null));
    }

    @Test
    void aLaterMemberIsANearDuplicateOfTheStorysFirstMember() {
        assertThat(StoryDecision.decide(self, match("c", 100L, "f3"), List.of(match("a", 150L, "f2"))))
                .isEqualTo(new StoryDecision("c", DuplicateKind.NEAR, "c"));
    }

    @Test
    void sameTextEarlierIsAnExactDuplicateOfThatArticle() {
        assertThat(StoryDecision.decide(self, match("c", 100L, "f3"), List.of(match("c", 100L, "f3"), match("a", 150L, "f1"))))
                .isEqualTo(new StoryDecision("c", DuplicateKind.EXACT, "a"));
    }

    @Test
    void equalTimesAreOrderedByKeySoEveryInstanceAgrees() {
        StoryMatch a = match("a", 100L, "f2");
        StoryMatch b = match("b", 100L, "f1");
        assertThat(StoryDecision.earlier(a, b)).isSameAs(a);
        assertThat(StoryDecision.earlier(b, a)).isSameAs(a);
    }

    private static StoryMatch match(String id, long time, String fingerprint) {
        return new StoryMatch(id, time, fingerprint, 1);
    }
}
