package io.akhbar.enrich;

import io.akhbar.enrich.story.BandProcessor;
import io.akhbar.enrich.story.StoryProcessor;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.StoreNames;
import io.akhbar.model.Topics;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import static io.akhbar.model.AkhbarSerdes.ARTICLE;
import static io.akhbar.model.AkhbarSerdes.BAND_MEMBERS;
import static io.akhbar.model.AkhbarSerdes.BAND_PROBE;
import static io.akhbar.model.AkhbarSerdes.BAND_REPLY;
import static io.akhbar.model.AkhbarSerdes.ENRICHED_ARTICLE;
import static io.akhbar.model.AkhbarSerdes.KEY;
import static io.akhbar.model.AkhbarSerdes.STORY_STATE;

/**
 * articles ──► story ──► band-probes ──► bands ──► story-replies ──► story ──► enriched
 * <p>
 * The story processor (keyed by article) versions content and decides stories; the band processor (keyed by LSH
 * bucket) finds near-duplicates across partitions. The loop between them runs through two explicit topics.
 */
public final class EnrichTopology {
    public static final String ARTICLES = "articles";
    public static final String STORY_REPLIES = "story-replies";
    public static final String STORY = "story";
    public static final String TO_BAND_PROBES = "to-band-probes";
    public static final String TO_ENRICHED = "to-enriched";
    public static final String BAND_PROBES = "band-probes";
    public static final String BANDS = "bands";
    public static final String TO_STORY_REPLIES = "to-story-replies";

    private EnrichTopology() {
    }

    public static Topology build(Topics topics, EnrichSettings settings, Tagger tagger) {
        Topology topology = new Topology();

        topology.addSource(ARTICLES, KEY.deserializer(), ARTICLE.deserializer(), topics.articles());
        topology.addSource(STORY_REPLIES, KEY.deserializer(), BAND_REPLY.deserializer(), topics.storyReplies());
        topology.addProcessor(STORY, () -> new StoryProcessor(settings, tagger, TO_BAND_PROBES, TO_ENRICHED),
                ARTICLES, STORY_REPLIES);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.STORIES), KEY, STORY_STATE), STORY);
        topology.addSink(TO_BAND_PROBES, topics.bandProbes(), KEY.serializer(), BAND_PROBE.serializer(), STORY);
        topology.addSink(TO_ENRICHED, topics.enriched(), KEY.serializer(), ENRICHED_ARTICLE.serializer(), STORY);

        topology.addSource(BAND_PROBES, KEY.deserializer(), BAND_PROBE.deserializer(), topics.bandProbes());
        topology.addProcessor(BANDS, () -> new BandProcessor(settings), BAND_PROBES);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BAND_MEMBERS), KEY, BAND_MEMBERS), BANDS);
        topology.addSink(TO_STORY_REPLIES, topics.storyReplies(), KEY.serializer(), BAND_REPLY.serializer(), BANDS);

        return topology;
    }
}
