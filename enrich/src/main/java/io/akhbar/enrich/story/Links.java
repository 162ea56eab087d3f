package io.akhbar.enrich.story;

import io.akhbar.enrich.dedup.StoryDecision;
import io.akhbar.model.internal.StoryMatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a newcomer's matches (in one band partition) it keeps a two-way link with, so that the earliest member
 * of a story can spread along the links, without a link for every match: a story carried by N outlets would
 * otherwise cost N² messages.
 *
 * <p>Every member has an anchor: an article it is connected to through links (its earliest match's anchor when it
 * arrived, itself when it matched none). Members with the same anchor are connected to each other already, so the
 * newcomer links to one of them: the anchor itself when it matched it, else the earliest. Its own anchor is its
 * earliest match's. A story's members thus form a star around its first arrival, and news of an earlier member
 * reaches all of them in two hops, whatever the order in which they arrived.
 *
 * <p>Links carry the story, not the exact-duplicate relation, which needs the earliest earlier member with the same
 * text: the newcomer is told its earliest match and its earliest earlier same-text match, and when it is itself
 * the earliest of its text, its later same-text matches are told of it (by one partition only, see
 * {@code reportsSameText}).
 *
 * @param anchor   the newcomer's anchor, stored with its signature
 * @param told     the matches the newcomer is told of: its links, its earliest match, its earliest earlier same text
 * @param notified the matches told of the newcomer: its links, and the later same-text ones when it is the first
 */
public record Links(String anchor, List<StoryMatch> told, List<StoryMatch> notified) {

    /** A match and its anchor. */
    public record Member(StoryMatch match, String anchor) {
    }

    /**
     * @param reportsSameText whether this partition tells later same-text matches of the newcomer: articles with
     *                        the same text share every band bucket, so one partition (band 0's) sees them all
     */
    public static Links of(StoryMatch newcomer, Collection<Member> matches, boolean reportsSameText) {
        if (matches.isEmpty()) {
            return new Links(newcomer.getArticleId(), List.of(), List.of());
        }
        Member earliest = null;
        StoryMatch earlierSameText = null;
        Map<String, StoryMatch> linkPerAnchor = new LinkedHashMap<>();
        for (Member member : matches) {
            StoryMatch match = member.match();
            if (earliest == null || StoryDecision.EARLIEST_FIRST.compare(match, earliest.match()) < 0) {
                earliest = member;
            }
            if (sameText(match, newcomer) && StoryDecision.EARLIEST_FIRST.compare(match, newcomer) < 0) {
                earlierSameText = earlierSameText == null ? match : StoryDecision.earlier(earlierSameText, match);
            }
            linkPerAnchor.merge(member.anchor(), match, (kept, other) -> preferred(member.anchor(), kept, other));
        }
        List<StoryMatch> links = new ArrayList<>(linkPerAnchor.values());
        List<StoryMatch> told = new ArrayList<>(links);
        addIfAbsent(told, earliest.match());
        Optional.ofNullable(earlierSameText).ifPresent(match -> addIfAbsent(told, match));
        List<StoryMatch> notified = new ArrayList<>(links);
        if (reportsSameText && earlierSameText == null) {
            matches.stream().map(Member::match).filter(match -> sameText(match, newcomer))
                    .forEach(match -> addIfAbsent(notified, match));
        }
        return new Links(earliest.anchor(), told, notified);
    }

    private static StoryMatch preferred(String anchor, StoryMatch kept, StoryMatch other) {
        if (kept.getArticleId().equals(anchor)) {
            return kept;
        }
        if (other.getArticleId().equals(anchor)) {
            return other;
        }
        return StoryDecision.earlier(kept, other);
    }

    private static boolean sameText(StoryMatch a, StoryMatch b) {
        return a.getFingerprint().equals(b.getFingerprint());
    }

    private static void addIfAbsent(List<StoryMatch> matches, StoryMatch match) {
        if (matches.stream().noneMatch(m -> m.getArticleId().equals(match.getArticleId()))) {
            matches.add(match);
        }
    }
}
