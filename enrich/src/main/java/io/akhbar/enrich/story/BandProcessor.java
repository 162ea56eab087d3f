package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.StateLayout;
import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandMember;
import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.BandSignature;
import io.akhbar.model.internal.StoryMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * Per partition of LSH band buckets: compares an arriving article with the members of the buckets it falls into
 * here, finds the ones similar enough to be its story, and links it to a few of them ({@link Links}): it is
 * answered with those, and they are told that it matched them, so that each link is known at both ends whatever
 * the arrival order.
 *
 * <p>Buckets are kept per time slot ({@link EnrichSettings#bandSlot()}, eight windows by default) in a window store,
 * so that state expires with event time: a probe reads the slots that can hold members within one window of it. A
 * member's signature sketch is kept once per partition, not once per bucket, with its band hashes: the buckets have
 * no changelog, and are rebuilt from the signatures when they fall behind ({@link #rebuildBucketsIfBehind}).
 *
 * <p>Band state is kept for {@code bandRetention} behind the newest slot this partition has seen (its horizon). An
 * article older than that, as in a backfill of history older than the retention, is neither compared nor kept: it
 * is answered as matching nothing, and said so in the log and the {@code akhbar.enrich.beyond.retention} counter,
 * instead of the window store dropping its state without a word.
 */
public final class BandProcessor implements Processor<String, BandProbe, String, BandReply> {
    /** Articles each article is compared with, per article; see the README's metrics. */
    public static final String CANDIDATES_METRIC = "akhbar.enrich.band.candidates";
    private static final Logger LOG = LoggerFactory.getLogger(BandProcessor.class);
    /**
     * The one key of the horizon store: the newest slot this partition has seen. Whatever fills band state for the
     * processor must keep it, or the processor takes the slots after it for empty ({@link BucketFilter}).
     */
    public static final String NEWEST_SLOT = "newest-slot";
    /**
     * The key of the probes this partition has seen, in the horizon store, and of the probes its buckets hold, in the
     * store of that name ({@link StoreNames#BAND_BUCKETS_BUILT}). Whatever fills band state must set both alike, or
     * the processor rebuilds the buckets when it starts.
     */
    public static final String PROBES_SEEN = "probes-seen";
    private static final Comparator<BandMember> NEWEST_LAST =
            Comparator.comparingLong(BandMember::getOrderTime).thenComparing(BandMember::getArticleId);

    private final EnrichSettings settings;
    private final LshBands lsh;
    private final int partitions;
    private final long window;
    private final long slotSpan;
    private final long retention;
    private final Counter beyondRetention = Metrics.counter("akhbar.enrich.beyond.retention");
    private final Counter rebuilds = Metrics.counter("akhbar.enrich.band.rebuilds");
    /** Articles each probe's article is compared with: what finding its story costs beyond reading its buckets. */
    private final DistributionSummary candidatesCompared = Metrics.summary(CANDIDATES_METRIC);
    private ProcessorContext<String, BandReply> context;
    private WindowStore<String, BandMembers> buckets;
    private WindowStore<String, BandSignature> signatures;
    private KeyValueStore<String, Long> horizon;
    private KeyValueStore<String, String> layoutStore;
    private KeyValueStore<String, Long> bucketsBuilt;
    private boolean layoutRecorded;
    private boolean bucketsChecked;
    private long probesSeen;
    private BucketFilter occupied;

    public BandProcessor(EnrichSettings settings, int partitions) {
        this.settings = settings;
        this.lsh = new LshBands(settings.bands(), settings.rowsPerBand());
        this.partitions = partitions;
        this.window = settings.window().toMillis();
        this.slotSpan = settings.bandSlot().toMillis();
        this.retention = settings.bandRetention().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, BandReply> context) {
        this.context = context;
        this.buckets = context.getStateStore(StoreNames.BAND_BUCKETS);
        this.signatures = context.getStateStore(StoreNames.BAND_SIGNATURES);
        this.horizon = context.getStateStore(StoreNames.BAND_HORIZON);
        this.layoutStore = context.getStateStore(StoreNames.STATE_LAYOUT);
        this.bucketsBuilt = context.getStateStore(StoreNames.BAND_BUCKETS_BUILT);
        this.layoutRecorded = false;
        this.bucketsChecked = false;
        Long seen = horizon.get(PROBES_SEEN);
        this.probesSeen = seen == null ? 0 : seen;
        Long newestSlot = horizon.get(NEWEST_SLOT);
        this.occupied = new BucketFilter(newestSlot == null ? Long.MIN_VALUE : newestSlot + 1);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        recordLayout();
        rebuildBucketsIfBehind();
        probesSeen++;
        horizon.put(PROBES_SEEN, probesSeen);
        bucketsBuilt.put(PROBES_SEEN, probesSeen);
        BandProbe probe = record.value();
        int[] signature = MinHasher.decode(probe.getSignature());
        byte[] sketch = MinHasher.sketch(signature);
        long[] hashes = lsh.bandHashes(signature);
        int partition = context.taskId().partition();

        List<Integer> answered = new ArrayList<>();
        for (int band = 0; band < hashes.length; band++) {
            if (LshBands.owner(band, hashes[band], partitions) == partition) {
                answered.add(band);
            }
        }
        long slot = slotOf(probe.getOrderTime());
        long newestSlot = advanceHorizon(slot);
        if (slot < newestSlot - retention) {
            reportBeyondRetention(probe, newestSlot);
            context.forward(record.withKey(probe.getArticleId()).withValue(
                    new BandReply(probe.getArticleId(), probe.getContentVersion(), answered, List.of(), null)));
            return;
        }
        Map<String, Long> candidates = new LinkedHashMap<>();
        for (int band : answered) {
            String bucket = LshBands.bucketKey(band, hashes[band]);
            BandMembers ownSlot = collectCandidates(bucket, band, hashes[band], probe, newestSlot, candidates);
            join(bucket, band, hashes[band], probe.getArticleId(), probe.getOrderTime(), ownSlot);
        }

        candidatesCompared.record(candidates.size());
        StoryMatch newcomer = new StoryMatch(probe.getArticleId(), probe.getOrderTime(), probe.getFingerprint(),
                probe.getContentVersion());
        List<Links.Member> matches = new ArrayList<>();
        for (Map.Entry<String, Long> candidate : candidates.entrySet()) {
            BandSignature member = signatures.fetch(candidate.getKey(), candidate.getValue());
            if (member != null && sameStory(probe.getFingerprint(), sketch, member)) {
                matches.add(new Links.Member(new StoryMatch(candidate.getKey(), candidate.getValue(),
                        member.getFingerprint(), member.getContentVersion()),
                        member.getAnchor() == null ? candidate.getKey() : member.getAnchor()));
            }
        }
        Links links = Links.of(newcomer, matches, answered.contains(0));
        for (StoryMatch member : links.notified()) {
            BandReply news = new BandReply(member.getArticleId(), member.getContentVersion(), List.of(),
                    List.of(newcomer), null);
            context.forward(record.withKey(member.getArticleId()).withValue(news));
        }
        signatures.put(probe.getArticleId(), new BandSignature(probe.getContentVersion(), probe.getFingerprint(),
                ByteBuffer.wrap(sketch), links.anchor(), LongStream.of(hashes).boxed().toList()), probe.getOrderTime());
        context.forward(record.withKey(probe.getArticleId()).withValue(
                new BandReply(probe.getArticleId(), probe.getContentVersion(), answered, links.told(), null)));
    }

    /**
     * Keeps the layout this partition's state is built with, once per task: on the first probe rather than in
     * {@link #init}, as a store write needs a record to take its changelog timestamp from. Enrich checks it before
     * starting ({@link StateLayout#verifyAgainst}), so a different one here means instances were started with
     * different settings at the same moment, which only the log can say now.
     */
    private void recordLayout() {
        if (layoutRecorded) {
            return;
        }
        StateLayout layout = StateLayout.of(settings, partitions);
        String stored = layoutStore.get(StateLayout.KEY);
        if (stored == null) {
            layoutStore.put(StateLayout.KEY, layout.describe());
        } else if (!layout.differencesFrom(stored).isEmpty()) {
            LOG.error("band partition {} was built with {} but this instance runs with {}: start every enrich instance"
                    + " with the same settings", context.taskId(), stored, layout.describe());
        }
        layoutRecorded = true;
    }

    /**
     * Puts every article of the band signatures back into the buckets this partition owns, once per task, when the
     * buckets do not hold every probe the partition has seen: they have no changelog, so they are empty after the
     * local state was lost (under exactly-once, a crash wipes it) and behind after another instance processed the
     * partition. On the first probe rather than in {@link #init}, as the stores are written. Adding is enough: a
     * bucket keeps its newest members whatever order they come in. Articles whose signature predates band hashes are
     * left out (see the README's upgrade note). It blocks the stream thread while it runs (35–55 s per million
     * articles in the band retention, 78 s per million at ten million, BENCHMARKS.md); into empty buckets, it skips reading back the buckets it has not
     * written yet ({@link RebuiltBuckets}).
     */
    private void rebuildBucketsIfBehind() {
        if (bucketsChecked) {
            return;
        }
        bucketsChecked = true;
        Long seen = horizon.get(PROBES_SEEN);
        Long held = bucketsBuilt.get(PROBES_SEEN);
        if (Objects.equals(seen, held)) {
            return;
        }
        long start = System.nanoTime();
        long articles = 0;
        int partition = context.taskId().partition();
        RebuiltBuckets rebuilt = RebuiltBuckets.of(buckets, (seen == null ? 0 : seen) * settings.bands());
        try (KeyValueIterator<Windowed<String>, BandSignature> all = signatures.all()) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, BandSignature> entry = all.next();
                List<Long> hashes = entry.value.getBandHashes();
                long orderTime = entry.key.window().start();
                long slot = slotOf(orderTime);
                for (int band = 0; band < hashes.size(); band++) {
                    long hash = hashes.get(band);
                    if (LshBands.owner(band, hash, partitions) == partition) {
                        String bucket = LshBands.bucketKey(band, hash);
                        join(bucket, band, hash, entry.key.key(), orderTime,
                                rebuilt.mayHoldMembers(slot, band, hash) ? buckets.fetch(bucket, slot) : null);
                        rebuilt.written(slot, band, hash);
                    }
                }
                articles += hashes.isEmpty() ? 0 : 1;
            }
        }
        bucketsBuilt.put(PROBES_SEEN, seen);
        rebuilds.increment();
        LOG.info("band partition {}: rebuilt its buckets from {} articles' signatures in {} ms (the buckets held {} of"
                        + " the {} probes seen)", context.taskId(), articles, (System.nanoTime() - start) / 1_000_000,
                held == null ? 0 : held, seen == null ? 0 : seen);
    }

    /** Returns the newest slot this partition has seen, the given one included. */
    private long advanceHorizon(long slot) {
        Long newest = horizon.get(NEWEST_SLOT);
        if (newest == null || slot > newest) {
            horizon.put(NEWEST_SLOT, slot);
            return slot;
        }
        return newest;
    }

    private void reportBeyondRetention(BandProbe probe, long newestSlot) {
        beyondRetention.increment();
        LOG.warn("article {} (published {}) is more than enrich.bandRetention ({}) older than the newest article"
                        + " this band partition has seen (published in the window from {}): it is not compared with"
                        + " other articles; raise enrich.bandRetention to find the near-duplicates of history this old,"
                        + " then replay enrich",
                probe.getArticleId(), Instant.ofEpochMilli(probe.getOrderTime()), Duration.ofMillis(retention),
                Instant.ofEpochMilli(newestSlot));
    }

    /**
     * Adds the bucket's members within one window of the probe to the candidates; returns the probe's own slot. Slots
     * after the newest one seen hold nothing yet, so they are not read.
     */
    private BandMembers collectCandidates(String bucket, int band, long hash, BandProbe probe, long newestSlot,
                                          Map<String, Long> candidates) {
        long time = probe.getOrderTime();
        BandMembers ownSlot = null;
        for (long slot = slotOf(time - window); slot <= Math.min(slotOf(time + window), newestSlot); slot += slotSpan) {
            BandMembers members = occupied.mayHoldMembers(slot, band, hash) ? buckets.fetch(bucket, slot) : null;
            if (slot == slotOf(time)) {
                ownSlot = members;
            }
            if (members == null) {
                continue;
            }
            for (BandMember member : members.getMembers()) {
                if (!member.getArticleId().equals(probe.getArticleId())
                        && Math.abs(member.getOrderTime() - time) <= window) {
                    candidates.putIfAbsent(member.getArticleId(), member.getOrderTime());
                }
            }
        }
        return ownSlot;
    }

    /** Adds the article to its bucket's slot; a full bucket keeps its newest members (by event time). */
    private void join(String bucket, int band, long hash, String articleId, long orderTime, BandMembers existing) {
        long slot = slotOf(orderTime);
        List<BandMember> members = existing == null ? new ArrayList<>() : new ArrayList<>(existing.getMembers());
        members.removeIf(m -> m.getArticleId().equals(articleId));
        members.add(new BandMember(articleId, orderTime));
        if (members.size() > settings.maxBandMembers()) {
            members.sort(NEWEST_LAST);
            members = new ArrayList<>(members.subList(members.size() - settings.maxBandMembers(), members.size()));
        }
        buckets.put(bucket, new BandMembers(members), slot);
        occupied.written(slot, band, hash);
    }

    private boolean sameStory(String fingerprint, byte[] sketch, BandSignature member) {
        return fingerprint.equals(member.getFingerprint())
                || MinHasher.sketchSimilarity(sketch, Buffers.bytes(member.getSketch())) >= settings.similarityThreshold();
    }

    private long slotOf(long time) {
        return slotOf(time, slotSpan);
    }

    /**
     * The start of the band slot holding {@code time}, for slots of {@code slotSpan} milliseconds
     * ({@link EnrichSettings#bandSlot()}); whatever fills band state for the processor must place it alike.
     */
    public static long slotOf(long time, long slotSpan) {
        return Math.floorDiv(time, slotSpan) * slotSpan;
    }
}
