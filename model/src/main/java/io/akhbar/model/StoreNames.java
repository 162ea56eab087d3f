package io.akhbar.model;

/** State stores of the Streams applications; their changelog topics are named after them. */
public final class StoreNames {
    /** Per article id: latest content version, fingerprint, matches and story. */
    public static final String STORIES = "stories";
    /**
     * Per article id: the latest record of the articles topic, as it came in, to emit the article once its story is
     * known and again whenever it changes. The articles topic itself is its changelog (a read-only store fed from
     * that topic), so enrich does not write every article to Kafka a second time.
     */
    public static final String RECEIVED_ARTICLES = "received-articles";
    /**
     * Per LSH band bucket and time slot (a window store): the articles whose signatures fell into it. It has no
     * changelog: ten records per article were a sixth of enrich's throughput (BENCHMARKS.md); it is rebuilt from the
     * band signatures instead whenever {@link #BAND_BUCKETS_BUILT} says it is not up to date.
     */
    public static final String BAND_BUCKETS = "band-buckets";
    /** Per article id and order time (a window store): the signature sketch the buckets compare with. */
    public static final String BAND_SIGNATURES = "band-signatures";
    /** Per band partition: the newest time slot seen, behind which band state expires, and the probes seen. */
    public static final String BAND_HORIZON = "band-horizon";
    /**
     * Per band partition, without a changelog, like the buckets: the probes the local band buckets hold (one key).
     * When it differs from the probes seen in {@link #BAND_HORIZON}, the buckets were lost with the local state, or
     * the partition was processed elsewhere meanwhile, and are rebuilt.
     */
    public static final String BAND_BUCKETS_BUILT = "band-buckets-built";
    /** Per band partition: the settings its band state was built with (one key), checked before enrich starts. */
    public static final String STATE_LAYOUT = "state-layout";

    /** The changelog topic Kafka Streams names after an application and one of its stores. */
    public static String changelogTopic(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    private StoreNames() {
    }
}
