package io.akhbar.enrich;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the enrich stream; {@link #defaults()} is the one place their defaults live.
 *
 * @param applicationId         Kafka Streams application id (consumer group, state and internal topic prefix)
 * @param bands                 LSH bands; with {@code rowsPerBand} this sets which similarities become candidates
 * @param rowsPerBand           MinHash values per band; the bands use the first bands × rows values of the signature
 * @param signatureLength       MinHash values per article, all of them used to estimate the similarity of candidates
 * @param shingleSize           words per shingle
 * @param similarityThreshold   estimated Jaccard similarity of shingles from which two articles are one story
 * @param window                how far apart in event time two articles may be and still be one story
 * @param bandRetention         how far behind the newest article seen an article's band state is kept; an article
 *                              older than that is compared with none (a backfill of history needs it this long)
 * @param maxBandMembers        articles kept per band bucket (newest by event time win), bounding hot buckets
 * @param stateDir              RocksDB state directory
 * @param extraGazetteer        optional file of extra entities, in the bundled gazetteer's format
 * @param streamThreads         Kafka Streams threads per instance ({@code num.stream.threads}); no more are started
 *                              than the stream has tasks (see {@link #streamThreadsFor})
 */
public record EnrichSettings(String applicationId, int bands, int rowsPerBand, int signatureLength, int shingleSize,
                             double similarityThreshold, Duration window, Duration bandRetention,
                             int maxBandMembers, Path stateDir, Path extraGazetteer, int streamThreads) {
    /** Below this many windows, articles published in order would lose the members of the slots they read. */
    private static final int MIN_RETAINED_WINDOWS = 3;
    /**
     * An article reads, in each of its band buckets, the slots within one window of it: three slots of one window
     * each, but one slot of eight windows three times in four (two otherwise). Every bucket read is a RocksDB lookup,
     * and with one-window slots the 60 of them per article took a fifth of the stream's CPU.
     */
    private static final int MAX_SLOT_WINDOWS = 8;

    /**
     * Ten bands of three rows make a pair of similarity s a candidate with probability 1 - (1 - s³)¹⁰: 0.48 at the
     * default threshold of 0.4 and 0.91 at 0.6, where twenty bands of five gave 0.19 and 0.80, so the threshold
     * rather than the banding decides; they find more pairs than twenty of five up to 0.7 and miss 8 in 10,000 at
     * 0.8 (against 4). Each band is a bucket read, a bucket write and a changelog record per article, so half the
     * bands cost a fifth less CPU per article (BENCHMARKS.md). A hundred values keep the similarity estimate as
     * precise as before.
     *
     * <p>A stream thread per core: Kafka Streams starts one by default, which leaves a second core idle while the
     * first tags, normalises and writes state for every article.
     */
    public static EnrichSettings defaults() {
        return new EnrichSettings("akhbar-enrich", 10, 3, 100, 3, 0.4, Duration.ofDays(7), Duration.ofDays(3650), 500,
                Path.of(".akhbar", "streams"), null, Runtime.getRuntime().availableProcessors());
    }

    public EnrichSettings validate() {
        require(applicationId != null && !applicationId.isBlank(), "enrich.applicationId is required");
        require(bands >= 1 && rowsPerBand >= 1, "enrich.bands and enrich.rowsPerBand must be positive");
        require(signatureLength >= bands * rowsPerBand, "enrich.signatureLength (" + signatureLength
                + ") must be at least enrich.bands × enrich.rowsPerBand (" + bands * rowsPerBand + ")");
        require(shingleSize >= 1, "enrich.shingleSize must be positive");
        require(similarityThreshold > 0 && similarityThreshold <= 1, "enrich.similarityThreshold must be in (0, 1]");
        require(window != null && !window.isNegative() && !window.isZero(), "enrich.window must be positive");
        require(bandRetention != null && bandRetention.compareTo(window.multipliedBy(MIN_RETAINED_WINDOWS)) >= 0,
                "enrich.bandRetention must be at least " + MIN_RETAINED_WINDOWS + " times enrich.window ("
                        + window.multipliedBy(MIN_RETAINED_WINDOWS) + "): an article reads the band slots one window"
                        + " either side of it");
        require(maxBandMembers >= 1, "enrich.maxBandMembers must be positive");
        require(stateDir != null, "enrich.stateDir is required");
        require(streamThreads >= 1, "enrich.streamThreads must be positive");
        return this;
    }

    /**
     * The stream threads to start: {@code streamThreads}, but no more than the stream's tasks (one per partition of
     * the articles topic and one per band partition), since a thread without a task only waits.
     */
    public int streamThreadsFor(int partitions, int bandPartitions) {
        return Math.min(streamThreads, partitions + bandPartitions);
    }

    /**
     * The time span of one band slot: up to eight windows, but no more than a third of the retention, so that the
     * slots an article reads are still kept when articles arrive in publication order.
     */
    public Duration bandSlot() {
        long windows = bandRetention.toMillis() / window.multipliedBy(MIN_RETAINED_WINDOWS).toMillis();
        return window.multipliedBy(Math.max(1, Math.min(MAX_SLOT_WINDOWS, windows)));
    }

    public EnrichSettings withApplicationId(String id) {
        return new EnrichSettings(id, bands, rowsPerBand, signatureLength, shingleSize, similarityThreshold, window,
                bandRetention, maxBandMembers, stateDir, extraGazetteer, streamThreads);
    }

    public EnrichSettings withStateDir(Path dir) {
        return new EnrichSettings(applicationId, bands, rowsPerBand, signatureLength, shingleSize, similarityThreshold,
                window, bandRetention, maxBandMembers, dir, extraGazetteer, streamThreads);
    }

    public EnrichSettings withWindowAndRetention(Duration window, Duration bandRetention) {
        return new EnrichSettings(applicationId, bands, rowsPerBand, signatureLength, shingleSize, similarityThreshold,
                window, bandRetention, maxBandMembers, stateDir, extraGazetteer, streamThreads);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
