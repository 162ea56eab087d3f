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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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

/**
 * Per partition of LSH band buckets: compares an arriving article with the members of the buckets it falls into
 * here, finds the ones similar enough to be its story, and links it to a few of them ({@link Links}): it is
 * answered with those, and they are told that it matched them, so that each link is known at both ends whatever
 * the arrival order.
 *
 * <p>Buckets are kept per time slot ({@link EnrichSettings#bandSlot()}, eight windows by default) in a window store,
 * so that state expires with event time: a probe reads the slots that can hold members within one window of it. A
 * member's signature sketch is kept once per partition, not once per bucket.
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
    private static final Comparator<BandMember> NEWEST_LAST =
            Comparator.comparingLong(BandMember::getOrderTime).thenComparing(BandMember::getArticleId);

    private final EnrichSettings settings;
    private final LshBands lsh;
    private final int partitions;
    private final long window;
    private final long slotSpan;
    private final long retention;
    private final Counter beyondRetention = Metrics.counter("akhbar.enrich.beyond.retention");
    /** Articles each probe's article is compared with: what finding its story costs beyond reading its buckets. */
    private final DistributionSummary candidatesCompared = Metrics.summary(CANDIDATES_METRIC);
    private ProcessorContext<String, BandReply> context;
    private WindowStore<String, BandMembers> buckets;
    private WindowStore<String, BandSignature> signatures;
    private KeyValueStore<String, Long> horizon;
    private KeyValueStore<String, String> layoutStore;
    private boolean layoutRecorded;
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
        this.layoutRecorded = false;
        Long newestSlot = horizon.get(NEWEST_SLOT);
        this.occupied = new BucketFilter(newestSlot == null ? Long.MIN_VALUE : newestSlot + 1);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        recordLayout();
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
            join(bucket, band, hashes[band], probe, ownSlot);
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
                ByteBuffer.wrap(sketch), links.anchor()), probe.getOrderTime());
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
    private void join(String bucket, int band, long hash, BandProbe probe, BandMembers existing) {
        long slot = slotOf(probe.getOrderTime());
        List<BandMember> members = existing == null ? new ArrayList<>() : new ArrayList<>(existing.getMembers());
        members.removeIf(m -> m.getArticleId().equals(probe.getArticleId()));
        members.add(new BandMember(probe.getArticleId(), probe.getOrderTime()));
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
