package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.StoryMatch;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per LSH band bucket: compares an arriving article with the bucket's members, answers the article with the ones
 * similar enough to be its story, and tells each of those that the newcomer matched it, so that an earlier
 * member arriving late (a backfill) re-assigns the later ones. Keyed by bucket, so near-duplicates from every
 * partition of the articles topic meet here.
 */
public final class BandProcessor implements Processor<String, BandProbe, String, BandReply> {
    private final EnrichSettings settings;
    private ProcessorContext<String, BandReply> context;
    private KeyValueStore<String, BandMembers> buckets;

    public BandProcessor(EnrichSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, BandReply> context) {
        this.context = context;
        this.buckets = context.getStateStore(StoreNames.BAND_MEMBERS);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        BandProbe probe = record.value();
        BandMembers bucket = buckets.get(record.key());
        List<BandProbe> members = bucket == null ? new ArrayList<>() : new ArrayList<>(bucket.getMembers());
        members.removeIf(m -> m.getArticleId().equals(probe.getArticleId()));

        List<StoryMatch> matches = new ArrayList<>();
        for (BandProbe member : members) {
            if (sameStory(probe, member)) {
                matches.add(matchOf(member));
                BandReply notification = new BandReply(member.getArticleId(), member.getContentVersion(),
                        StoryProcessor.NOTIFICATION_BAND, List.of(matchOf(probe)));
                context.forward(record.withKey(member.getArticleId()).withValue(notification));
            }
        }
        context.forward(record.withKey(probe.getArticleId())
                .withValue(new BandReply(probe.getArticleId(), probe.getContentVersion(), probe.getBand(), matches)));

        members.add(probe);
        if (members.size() > settings.maxBandMembers()) {
            members.sort(Comparator.comparingLong(BandProbe::getOrderTime).thenComparing(BandProbe::getArticleId));
            members = new ArrayList<>(members.subList(members.size() - settings.maxBandMembers(), members.size()));
        }
        buckets.put(record.key(), new BandMembers(members));
    }

    private boolean sameStory(BandProbe a, BandProbe b) {
        if (Math.abs(a.getOrderTime() - b.getOrderTime()) > settings.window().toMillis()) {
            return false;
        }
        return a.getFingerprint().equals(b.getFingerprint())
                || MinHasher.similarity(a.getSignature(), b.getSignature()) >= settings.similarityThreshold();
    }

    private static StoryMatch matchOf(BandProbe probe) {
        return new StoryMatch(probe.getArticleId(), probe.getOrderTime(), probe.getFingerprint());
    }
}
