package io.akhbar.sink.search;

import java.time.Instant;

/**
 * Restrictions on a search; null (or blank) means no restriction.
 *
 * @param site   only articles of this site (host without www), exact
 * @param entity only articles mentioning this canonical entity name (person, place or organisation), exact
 * @param since  only articles published at or after this instant; those without a publication time count from
 *               when they were fetched
 */
public record SearchFilters(String site, String entity, Instant since) {
    public static final SearchFilters NONE = new SearchFilters(null, null, null);

    public SearchFilters {
        site = blankToNull(site);
        entity = blankToNull(entity);
    }

    public SearchFilters withSite(String value) {
        return new SearchFilters(value, entity, since);
    }

    public SearchFilters withEntity(String value) {
        return new SearchFilters(site, value, since);
    }

    public SearchFilters withSince(Instant value) {
        return new SearchFilters(site, entity, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
