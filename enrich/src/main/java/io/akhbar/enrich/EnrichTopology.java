package io.akhbar.enrich;

import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.story.BandPartitioner;
import io.akhbar.enrich.story.BandProcessor;
import io.akhbar.enrich.story.ReceivedArticle;
import io.akhbar.enrich.story.ReceivedArticleWriter;
import io.akhbar.enrich.story.StoryProcessor;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.StoreNames;
import io.akhbar.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

import java.time.Duration;

import static io.akhbar.model.AkhbarSerdes.BAND_MEMBERS;
import static io.akhbar.model.AkhbarSerdes.BAND_PROBE;
import static io.akhbar.model.AkhbarSerdes.BAND_REPLY;
import static io.akhbar.model.AkhbarSerdes.BAND_SIGNATURE;
import static io.akhbar.model.AkhbarSerdes.KEY;
import static io.akhbar.model.AkhbarSerdes.STORY_STATE;

/**
 * <pre>
 * articles ──► story ──► band-probes ──► bands ──► story-replies ──► story ──► enriched
 *    │           │                                     ▲              ▲
 *    │           └──── story news to neighbours ───────┘              │
 *    └──► keep-received ──► received-articles store ──────────────────┘
 * </pre>
 * The story processor (keyed by article) versions content and decides stories; the band processor (keyed by LSH
 * bucket) finds near-duplicates across partitions. The loop between them runs through two explicit topics, and
 * articles of one story tell each other its earliest member through the replies topic.
 *
 * <p>Articles are read with the bytes they came in, which the story processor emits joined with the fields it adds
 * ({@link io.akhbar.model.EnrichedArticleEncoding}), so the enriched sink takes bytes. It finds them in the
 * received-articles store, a read-only store whose changelog is the articles topic itself: a logged store of its
 * own would have written every article to Kafka a second time, 38 % of the bytes the stream wrote (BENCHMARKS.md).
 *
 * <p>Only the one-key-per-partition stores (the horizon and the count of probes the buckets hold) have a record
 * cache. The others are written about once per article and key, so a cache saves few writes, while its sorted map
 * cost a seventh of the stream's CPU in a profile; the story store too, although it is written on every reply to an
 * article: the replies of one article mostly fall into different commits, and without its cache the stream ran 7 %
 * faster (BENCHMARKS.md).
 *
 * <p>The band buckets have no changelog: its ten records per article cost a sixth of the throughput (BENCHMARKS.md).
 * The band processor rebuilds them from the signatures, which keep each article's band hashes, whenever the count of
 * probes they hold falls behind the count of probes seen, kept in the logged horizon store. Band state is kept for
 * {@code enrich.bandRetention} behind the newest article seen, which the band processor checks itself, so that an
 * article too old for it is reported rather than silently unmatched. Each band partition also keeps the
 * {@link StateLayout} its state was built with.
 */
public final class EnrichTopology {
    public static final String ARTICLES = "articles";
    public static final String KEEP_RECEIVED = "keep-received";
    public static final String STORY_REPLIES = "story-replies";
    public static final String STORY = "story";
    public static final String TO_BAND_PROBES = "to-band-probes";
    public static final String TO_STORY_NEWS = "to-story-news";
    public static final String TO_ENRICHED = "to-enriched";
    public static final String BAND_PROBES = "band-probes";
    public static final String BANDS = "bands";
    public static final String TO_STORY_REPLIES = "to-story-replies";

    private EnrichTopology() {
    }

    /** Where the stores keep their state: RocksDB on disk, or the heap for short offline runs on the test driver. */
    public enum StoreKind {
        PERSISTENT, IN_MEMORY
    }

    /**
     * @param partitions partitions of the band-probes topic ({@code kafka.bandPartitions}); checked on every probe sent
     */
    public static Topology build(Topics topics, int partitions, EnrichSettings settings, Tagger tagger) {
        return build(topics, partitions, settings, tagger, StoreKind.PERSISTENT);
    }

    public static Topology build(Topics topics, int partitions, EnrichSettings settings, Tagger tagger, StoreKind stores) {
        Topology topology = new Topology();
        LshBands lsh = new LshBands(settings.bands(), settings.rowsPerBand());

        topology.addReadOnlyStateStore(Stores.keyValueStoreBuilder(
                        keyValueStore(StoreNames.RECEIVED_ARTICLES, stores), KEY, Serdes.ByteArray()),
                ARTICLES, KEY.deserializer(), ReceivedArticle.DESERIALIZER, topics.articles(),
                KEEP_RECEIVED, ReceivedArticleWriter::new);
        topology.addSource(STORY_REPLIES, KEY.deserializer(), BAND_REPLY.deserializer(), topics.storyReplies());
        topology.addProcessor(STORY, () -> new StoryProcessor(settings, tagger, TO_BAND_PROBES, TO_STORY_NEWS,
                TO_ENRICHED), ARTICLES, STORY_REPLIES);
        topology.connectProcessorAndStateStores(STORY, StoreNames.RECEIVED_ARTICLES);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(StoreNames.STORIES, stores), KEY, STORY_STATE), STORY);
        topology.addSink(TO_BAND_PROBES, topics.bandProbes(), KEY.serializer(), BAND_PROBE.serializer(),
                new BandPartitioner(lsh, partitions), STORY);
        topology.addSink(TO_STORY_NEWS, topics.storyReplies(), KEY.serializer(), BAND_REPLY.serializer(), STORY);
        topology.addSink(TO_ENRICHED, topics.enriched(), KEY.serializer(), Serdes.ByteArray().serializer(), STORY);

        Duration window = settings.window();
        Duration retention = settings.bandRetention();
        topology.addSource(BAND_PROBES, KEY.deserializer(), BAND_PROBE.deserializer(), topics.bandProbes());
        topology.addProcessor(BANDS, () -> new BandProcessor(settings, partitions), BAND_PROBES);
        topology.addStateStore(Stores.windowStoreBuilder(
                windowStore(StoreNames.BAND_BUCKETS, retention, settings.bandSlot(), stores), KEY, BAND_MEMBERS)
                .withLoggingDisabled(), BANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(StoreNames.BAND_BUCKETS_BUILT, stores), KEY, Serdes.Long())
                .withCachingEnabled().withLoggingDisabled(), BANDS);
        topology.addStateStore(Stores.windowStoreBuilder(
                windowStore(StoreNames.BAND_SIGNATURES, retention, window, stores), KEY, BAND_SIGNATURE), BANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(StoreNames.BAND_HORIZON, stores), KEY, Serdes.Long()).withCachingEnabled(), BANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(StoreNames.STATE_LAYOUT, stores), KEY, Serdes.String()), BANDS);
        topology.addSink(TO_STORY_REPLIES, topics.storyReplies(), KEY.serializer(), BAND_REPLY.serializer(), BANDS);

        return topology;
    }

    private static KeyValueBytesStoreSupplier keyValueStore(String name, StoreKind kind) {
        return kind == StoreKind.PERSISTENT ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    private static WindowBytesStoreSupplier windowStore(String name, Duration retention, Duration window, StoreKind kind) {
        return kind == StoreKind.PERSISTENT ? Stores.persistentWindowStore(name, retention, window, false)
                : Stores.inMemoryWindowStore(name, retention, window, false);
    }
}
