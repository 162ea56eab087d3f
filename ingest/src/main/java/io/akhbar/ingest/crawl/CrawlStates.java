package io.akhbar.ingest.crawl;

import io.akhbar.ingest.fetch.Validators;
import io.akhbar.model.CrawlOutcome;
import io.akhbar.model.CrawlState;
import io.akhbar.model.CrawledKind;
import java.time.Instant;
import java.util.Optional;

/** The decisions the crawler takes from what it knows of a URL. */
final class CrawlStates {
    private CrawlStates() {
    }

    /**
     * A page is fetched when it is unknown, and fetched again (conditionally) when its feed or sitemap dates it
     * after our last fetch: the site says it changed. A page refused for good stays refused.
     */
    static boolean needsFetch(Optional<CrawlState> known, Optional<Instant> listedAt) {
        if (known.isEmpty()) {
            return true;
        }
        CrawlState state = known.get();
        if (state.getKind() != CrawledKind.PAGE) {
            return true;
        }
        if (state.getOutcome() == CrawlOutcome.REFUSED) {
            return false;
        }
        return listedAt.isPresent() && listedAt.get().isAfter(state.getFetchedAt());
    }

    /**
     * What is known of a URL as a page, or as a feed, sitemap or section page. A URL can be both (a section page
     * that a feed also lists as an article), and what was learnt of it as one must not answer for the other: its
     * validators or body hash would make the other look unchanged.
     */
    static Optional<CrawlState> asKind(Optional<CrawlState> known, CrawledKind kind) {
        return known.filter(state -> state.getKind() == kind);
    }

    static Validators validators(Optional<CrawlState> known) {
        return known.map(state -> new Validators(Optional.ofNullable(state.getEtag()),
                Optional.ofNullable(state.getLastModified()))).orElse(Validators.NONE);
    }

    static CrawlState.Builder of(String url, String source, CrawledKind kind, CrawlOutcome outcome, Instant at) {
        return CrawlState.newBuilder().setUrl(url).setSource(source).setKind(kind).setOutcome(outcome)
                .setFetchedAt(at);
    }

    static CrawlState.Builder withValidators(CrawlState.Builder state, Validators validators) {
        return state.setEtag(validators.etag().orElse(null))
                .setLastModified(validators.lastModified().orElse(null));
    }
}
