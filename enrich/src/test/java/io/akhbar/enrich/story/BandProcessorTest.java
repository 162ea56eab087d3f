package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandMember;
import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.StoryMatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The band processor on its own stores, started again on the state an earlier instance left, as after a restart or a
 * rebalance: what that state holds must still be found, whatever the processor keeps in memory about it.
 */
class BandProcessorTest {
    private static final EnrichSettings SETTINGS = EnrichSettings.defaults();
    private static final long PUBLISHED = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;
    private MockProcessorContext<String, BandReply> context;
    private WindowStore<String, BandMembers> buckets;
    private KeyValueStore<String, Long> bucketsBuilt;

    @BeforeEach
    void stores() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "band-processor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        context = new MockProcessorContext<>(config, new TaskId(1, 0), stateDir.toFile());
        Duration retention = SETTINGS.bandRetention();
        buckets = add(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(StoreNames.BAND_BUCKETS, retention,
                SETTINGS.bandSlot(), false), AkhbarSerdes.KEY, AkhbarSerdes.BAND_MEMBERS)
                .withLoggingDisabled().build());
        bucketsBuilt = add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.BAND_BUCKETS_BUILT),
                AkhbarSerdes.KEY, Serdes.Long()).withLoggingDisabled().build());
        add(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(StoreNames.BAND_SIGNATURES, retention,
                SETTINGS.window(), false), AkhbarSerdes.KEY, AkhbarSerdes.BAND_SIGNATURE)
                .withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.BAND_HORIZON), AkhbarSerdes.KEY,
                Serdes.Long()).withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.STATE_LAYOUT), AkhbarSerdes.KEY,
                Serdes.String()).withLoggingDisabled().build());
    }

    @Test
    void aCopyArrivingAfterARestartFindsTheArticleProbedBeforeIt() {
        int[] signature = randomSignature(new Random(3));
        probe(started(), "original", PUBLISHED, signature);

        BandReply reply = probe(started(), "copy", PUBLISHED + Duration.ofHours(2).toMillis(), signature);

        assertThat(reply.getMatches()).extracting(StoryMatch::getArticleId).containsExactly("original");
    }

    @Test
    void anArticleOfANewSlotAfterARestartIsFoundByItsCopies() {
        probe(started(), "earlier", PUBLISHED, randomSignature(new Random(5)));
        long slotSpan = SETTINGS.bandSlot().toMillis();
        long nextSlot = BandProcessor.slotOf(PUBLISHED, slotSpan) + slotSpan;
        int[] signature = randomSignature(new Random(6));
        BandProcessor after = started();
        probe(after, "original", nextSlot + Duration.ofDays(1).toMillis(), signature);

        BandReply reply = probe(after, "copy", nextSlot + Duration.ofDays(2).toMillis(), signature);

        assertThat(reply.getMatches()).extracting(StoryMatch::getArticleId).containsExactly("original");
    }

    @Test
    void aCopyFindsTheOriginalWhenTheBucketsWereLostAndRebuiltFromTheSignatures() {
        int[] signature = randomSignature(new Random(7));
        probe(started(), "original", PUBLISHED, signature);
        probe(started(), "other", PUBLISHED + 1, randomSignature(new Random(8)));
        loseBuckets();

        BandReply reply = probe(started(), "copy", PUBLISHED + Duration.ofHours(2).toMillis(), signature);

        assertThat(reply.getMatches()).extracting(StoryMatch::getArticleId).containsExactly("original");
    }

    @Test
    void aRebuildPutsEveryArticleOfABucketBackNotOnlyTheLastOne() {
        int[] signature = randomSignature(new Random(12));
        probe(started(), "original", PUBLISHED, signature);
        probe(started(), "republished", PUBLISHED + 1, signature);
        loseBuckets();

        probe(started(), "unrelated", PUBLISHED + 2, randomSignature(new Random(13)));

        long slot = BandProcessor.slotOf(PUBLISHED, SETTINGS.bandSlot().toMillis());
        long[] hashes = new LshBands(SETTINGS.bands(), SETTINGS.rowsPerBand()).bandHashes(signature);
        for (int band = 0; band < hashes.length; band++) {
            assertThat(buckets.fetch(LshBands.bucketKey(band, hashes[band]), slot).getMembers())
                    .as("band %d", band).extracting(BandMember::getArticleId)
                    .containsExactlyInAnyOrder("original", "republished");
        }
    }

    @Test
    void bucketsLeftBehindWhileAnotherInstanceProcessedThePartitionAreRebuilt() {
        int[] signature = randomSignature(new Random(9));
        probe(started(), "earlier", PUBLISHED, randomSignature(new Random(10)));
        long heldBefore = bucketsBuilt.get(BandProcessor.PROBES_SEEN);
        probe(started(), "original", PUBLISHED + 1, signature);
        leaveBucketsAt(heldBefore, "original", PUBLISHED + 1);

        BandReply reply = probe(started(), "copy", PUBLISHED + Duration.ofHours(2).toMillis(), signature);

        assertThat(reply.getMatches()).extracting(StoryMatch::getArticleId).containsExactly("original");
    }

    @Test
    void bucketsThatHoldEveryProbeSeenAreNotRebuilt() {
        int[] signature = randomSignature(new Random(11));
        probe(started(), "original", PUBLISHED, signature);
        leaveBucketsAt(bucketsBuilt.get(BandProcessor.PROBES_SEEN), "original", PUBLISHED);

        BandReply reply = probe(started(), "copy", PUBLISHED + Duration.ofHours(2).toMillis(), signature);

        assertThat(reply.getMatches()).as("the buckets said they were up to date, so they were read as they were")
                .isEmpty();
    }

    /** As after a crash under exactly-once, which wipes the local state: logged stores restored, not the buckets. */
    private void loseBuckets() {
        try (var all = buckets.all()) {
            all.forEachRemaining(entry -> buckets.put(entry.key.key(), null, entry.key.window().start()));
        }
        bucketsBuilt.delete(BandProcessor.PROBES_SEEN);
    }

    /** The article's bucket entries removed and the count of probes held set, as buckets that missed some probes. */
    private void leaveBucketsAt(long held, String articleId, long orderTime) {
        long slot = BandProcessor.slotOf(orderTime, SETTINGS.bandSlot().toMillis());
        try (var all = buckets.all()) {
            all.forEachRemaining(entry -> {
                List<BandMember> others = entry.value.getMembers().stream()
                        .filter(member -> !member.getArticleId().equals(articleId)).toList();
                if (entry.key.window().start() == slot && others.size() < entry.value.getMembers().size()) {
                    buckets.put(entry.key.key(), others.isEmpty() ? null : new BandMembers(others), slot);
                }
            });
        }
        bucketsBuilt.put(BandProcessor.PROBES_SEEN, held);
    }

    /** A band processor started on the stores as they are, as after a restart. */
    private BandProcessor started() {
        BandProcessor processor = new BandProcessor(SETTINGS, 1);
        processor.init(context);
        return processor;
    }

    private BandReply probe(BandProcessor processor, String articleId, long orderTime, int[] signature) {
        context.resetForwards();
        BandProbe probe = new BandProbe(articleId, 1, orderTime, "fingerprint-" + articleId,
                MinHasher.encode(signature));
        processor.process(new Record<>(articleId, probe, orderTime));
        return context.forwarded().stream()
                .map(forwarded -> forwarded.record().value())
                .filter(reply -> reply.getTargetId().equals(articleId))
                .findFirst().orElseThrow();
    }

    private <S extends StateStore> S add(S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static int[] randomSignature(Random random) {
        int[] signature = new int[SETTINGS.signatureLength()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = random.nextInt();
        }
        return signature;
    }
}
