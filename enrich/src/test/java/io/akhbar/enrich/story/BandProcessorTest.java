package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.StoryMatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    @BeforeEach
    void stores() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "band-processor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        context = new MockProcessorContext<>(config, new TaskId(1, 0), stateDir.toFile());
        Duration retention = SETTINGS.bandRetention();
        add(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(StoreNames.BAND_BUCKETS, retention,
                SETTINGS.bandSlot(), false), AkhbarSerdes.KEY, AkhbarSerdes.BAND_MEMBERS)
                .withLoggingDisabled().build());
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

    private void add(StateStore store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private static int[] randomSignature(Random random) {
        int[] signature = new int[SETTINGS.signatureLength()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = random.nextInt();
        }
        return signature;
    }
}
