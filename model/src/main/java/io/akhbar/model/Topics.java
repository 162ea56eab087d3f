package io.akhbar.model;

import java.util.List;

/**
 * The topic contract every stage shares. Names are versioned: a breaking change of a value schema gets a new
 * topic ({@code .v2}) rather than a silent change under the old name. A prefix lets tests and parallel
 * deployments use distinct topics on one broker.
 */
public record Topics(String rawPages, String articles, String enriched, String deadLetters, String bandProbes,
                     String storyReplies, String crawlFrontier, String crawlState) {

    public static final String RAW_PAGES = "akhbar.raw.v1";
    public static final String ARTICLES = "akhbar.articles.v1";
    public static final String ENRICHED = "akhbar.enriched.v1";
    public static final String DEAD_LETTERS = "akhbar.deadletters.v1";
    /**
     * Enrich's internal topic: each article's MinHash signature, sent to the partitions owning its LSH band buckets.
     * It has {@code kafka.bandPartitions} partitions, not {@code kafka.partitions}: v3 since that default became one.
     */
    public static final String BAND_PROBES = "akhbar.enrich.band-probes.v3";
    /**
     * Band buckets answer the story processor through this topic, and articles tell their neighbours their story. It
     * closes a loop in the enrich topology, which Streams' managed repartition topics cannot, so it is an explicit
     * topic with as many partitions as articles.
     */
    public static final String STORY_REPLIES = "akhbar.enrich.story-replies.v2";
    /** URLs to fetch, keyed by host: a host belongs to the crawler instance that owns its partition. */
    public static final String CRAWL_FRONTIER = "akhbar.crawl.frontier.v1";
    /**
     * What the crawler knows of each URL (compacted, keyed by canonical URL), written to the partition of the URL's
     * host so that it sits with the frontier partition of that host.
     */
    public static final String CRAWL_STATE = "akhbar.crawl.state.v1";

    public static final Topics DEFAULT = withPrefix("");

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix + RAW_PAGES, prefix + ARTICLES, prefix + ENRICHED, prefix + DEAD_LETTERS,
                prefix + BAND_PROBES, prefix + STORY_REPLIES, prefix + CRAWL_FRONTIER, prefix + CRAWL_STATE);
    }

    public List<String> all() {
        return List.of(rawPages, articles, enriched, deadLetters, bandProbes, storyReplies, crawlFrontier, crawlState);
    }
}
