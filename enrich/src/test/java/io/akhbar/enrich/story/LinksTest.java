package io.akhbar.enrich.story;

import io.akhbar.model.internal.StoryMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {
    private static final StoryMatch NEWCOMER = match("x", 500, "text-x");

    @Test
    void aNewcomerWithoutMatchesIsItsOwnAnchorAndLinksToNone() {
        Links links = Links.of(NEWCOMER, List.of(), true);
        assertThat(links.anchor()).isEqualTo("x");
        assertThat(links.told()).isEmpty();
        assertThat(links.notified()).isEmpty();
    }

    @Test
    void membersOfOneAnchorGetOneLinkTheAnchorItself() {
        List<Links.Member> matches = List.of(
                member(match("b", 200, "text-b"), "a"),
                member(match("a", 300, "text-a"), "a"),
                member(match("c", 400, "text-c"), "a"));
        Links links = Links.of(NEWCOMER, matches, true);
        assertThat(ids(links.notified())).containsExactly("a");
        assertThat(ids(links.told())).as("the link, then the earliest match").containsExactly("a", "b");
        assertThat(links.anchor()).as("the earliest match's anchor").isEqualTo("a");
    }

    @Test
    void anAnchorNotAmongTheMatchesIsStoodForByTheEarliestOfItsMembers() {
        List<Links.Member> matches = List.of(
                member(match("c", 400, "text-c"), "a"),
                member(match("b", 200, "text-b"), "a"),
                member(match("e", 100, "text-e"), "d"));
        Links links = Links.of(NEWCOMER, matches, true);
        assertThat(ids(links.notified())).containsExactly("b", "e");
        assertThat(links.anchor()).isEqualTo("d");
    }

    @Test
    void theEarliestEarlierMemberWithTheSameTextIsTold() {
        List<Links.Member> matches = List.of(
                member(match("a", 100, "text-a"), "a"),
                member(match("s2", 300, "text-x"), "a"),
                member(match("s1", 200, "text-x"), "a"),
                member(match("s3", 600, "text-x"), "a"));
        Links links = Links.of(NEWCOMER, matches, true);
        assertThat(ids(links.told())).containsExactly("a", "s1");
        assertThat(ids(links.notified())).as("later same text has an earlier one already").containsExactly("a");
    }

    @Test
    void theFirstOfItsTextIsMadeKnownToTheLaterOnesByTheReportingPartitionOnly() {
        List<Links.Member> matches = List.of(
                member(match("a", 100, "text-a"), "a"),
                member(match("s1", 600, "text-x"), "a"),
                member(match("s2", 700, "text-x"), "a"));
        assertThat(ids(Links.of(NEWCOMER, matches, true).notified())).containsExactly("a", "s1", "s2");
        assertThat(ids(Links.of(NEWCOMER, matches, false).notified())).containsExactly("a");
    }

    @Test
    void membersWrittenBeforeAnchorsAreTheirOwnAnchorsAndEachGetsALink() {
        List<Links.Member> matches = List.of(
                member(match("a", 100, "text-a"), "a"),
                member(match("b", 200, "text-b"), "b"));
        assertThat(ids(Links.of(NEWCOMER, matches, true).notified())).containsExactly("a", "b");
    }

    private static StoryMatch match(String id, long time, String fingerprint) {
        return new StoryMatch(id, time, fingerprint, 1);
    }

    private static Links.Member member(StoryMatch match, String anchor) {
        return new Links.Member(match, anchor);
    }

    private static List<String> ids(List<StoryMatch> matches) {
        return matches.stream().map(StoryMatch::getArticleId).toList();
    }
}
