package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.Fingerprints;
import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.dedup.StoryDecision;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.StoryMatch;
import io.akhbar.model.internal.StoryState;
import io.akhbar.text.ArabicNormalizer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per article: drops unchanged re-crawls, sends each new content version's LSH bands out to their buckets, gathers
 * the buckets' replies, and emits the enriched article once every band has answered, and again whenever a later
 * reply changes its story. Keyed by article id, so one article's state lives in one task.
 */
public final class StoryProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {
    public static final int NOTIFICATION_BAND = -1;
    private static final int MIN_BODY_TOKENS_FOR_SHINGLES = 20;

    private final EnrichSettings settings;
    private final Tagger tagger;
    private final MinHasher minHasher;
    private final LshBands lsh;
    private final String probesChild;
    private final String enrichedChild;
    private final Counter unchanged = Metrics.counter("akhbar.enrich.articles", "outcome", "unchanged");
    private final Counter newVersions = Metrics.counter("akhbar.enrich.articles", "outcome", "new-version");
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, StoryState> stories;

    public StoryProcessor(EnrichSettings settings, Tagger tagger, String probesChild, String enrichedChild) {
        this.settings = settings;
        this.tagger = tagger;
        this.lsh = new LshBands(settings.bands(), settings.rowsPerBand());
        this.minHasher = new MinHasher(lsh.signatureLength(), settings.shingleSize());
        this.probesChild = probesChild;
        this.enrichedChild = enrichedChild;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.stories = context.getStateStore(StoreNames.STORIES);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof Article article) {
            onArticle(record, article);
        } else if (record.value() instanceof BandReply reply) {
            onReply(record, reply);
        } else if (record.value() != null) {
            throw new IllegalArgumentException("unexpected record type " + record.value().getClass().getName());
        }
    }

    private void onArticle(Record<String, SpecificRecord> record, Article article) {
        String id = record.key();
        String fingerprint = Fingerprints.of(article.getTitle(), article.getParagraphs());
        StoryState previous = stories.get(id);
        if (previous != null && previous.getFingerprint().equals(fingerprint)) {
            unchanged.increment();
            return;
        }
        newVersions.increment();
        long orderTime = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt()).toEpochMilli();
        StoryState state = StoryState.newBuilder()
                .setArticle(article)
                .setFingerprint(fingerprint)
                .setContentVersion(previous == null ? 1 : previous.getContentVersion() + 1)
                .setOrderTime(orderTime)
                .setAnsweredBands(new ArrayList<>())
                .setMatches(new ArrayList<>())
                .setRevision(0)
                .build();
        stories.put(id, state);
        List<Integer> signature = Arrays.stream(minHasher.signature(shingleTokens(article))).boxed().toList();
        List<String> buckets = lsh.bucketKeys(signature.stream().mapToInt(Integer::intValue).toArray());
        for (int band = 0; band < buckets.size(); band++) {
            BandProbe probe = BandProbe.newBuilder()
                    .setArticleId(id).setContentVersion(state.getContentVersion()).setBand(band)
                    .setOrderTime(orderTime).setFingerprint(fingerprint).setSignature(signature)
                    .build();
            context.forward(record.withKey(buckets.get(band)).withValue(probe), probesChild);
        }
    }

    private void onReply(Record<String, SpecificRecord> record, BandReply reply) {
        StoryState state = stories.get(reply.getTargetId());
        if (state == null || state.getContentVersion() != reply.getTargetContentVersion()) {
            return;
        }
        if (reply.getBand() != NOTIFICATION_BAND && !state.getAnsweredBands().contains(reply.getBand())) {
            state.getAnsweredBands().add(reply.getBand());
        }
        state.setMatches(union(state.getMatches(), reply.getMatches()));
        if (state.getAnsweredBands().size() >= settings.bands()) {
            emitIfChanged(record, state);
        }
        stories.put(reply.getTargetId(), state);
    }

    private void emitIfChanged(Record<String, SpecificRecord> record, StoryState state) {
        Article article = state.getArticle();
        StoryMatch self = new StoryMatch(article.getId(), state.getOrderTime(), state.getFingerprint());
        StoryDecision decision = StoryDecision.decide(self, state.getMatches());
        boolean firstEmission = state.getRevision() == 0;
        if (!firstEmission && Objects.equals(decision.storyId(), state.getEmittedStoryId())
                && Objects.equals(decision.duplicateOf(), state.getEmittedDuplicateOf())) {
            return;
        }
        state.setRevision(state.getRevision() + 1);
        state.setEmittedStoryId(decision.storyId());
        state.setEmittedDuplicateOf(decision.duplicateOf());
        Tags tags = tagger.tag(article.getTitle(), article.getParagraphs(), article.getLang());
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint(state.getFingerprint())
                .setContentVersion(state.getContentVersion())
                .setDocumentVersion(DocumentVersions.of(Tagger.VERSION, state.getContentVersion(), state.getRevision()))
                .setStoryId(decision.storyId())
                .setDuplicate(decision.duplicate())
                .setDuplicateOf(decision.duplicateOf())
                .setEntities(tags.entities())
                .setTopics(tags.topics())
                .setWordCount(tags.wordCount())
                .setTaggerVersion(Tagger.VERSION)
                .build();
        Metrics.counter("akhbar.enrich.emitted", "duplicate",
                decision.duplicate() == null ? "none" : decision.duplicate().name().toLowerCase()).increment();
        context.forward(record.withKey(article.getId()).withValue(enriched), enrichedChild);
    }

    /** Body words, or title and body for very short texts, so that near-duplicates are judged on the story itself. */
    private static List<String> shingleTokens(Article article) {
        List<String> body = new ArrayList<>();
        for (String paragraph : article.getParagraphs()) {
            body.addAll(ArabicNormalizer.tokens(paragraph));
        }
        if (body.size() >= MIN_BODY_TOKENS_FOR_SHINGLES) {
            return body;
        }
        List<String> all = new ArrayList<>(ArabicNormalizer.tokens(article.getTitle()));
        all.addAll(body);
        return all;
    }

    private static List<StoryMatch> union(List<StoryMatch> known, List<StoryMatch> found) {
        Map<String, StoryMatch> byId = new TreeMap<>();
        known.forEach(m -> byId.put(m.getArticleId(), m));
        found.forEach(m -> byId.put(m.getArticleId(), m));
        return new ArrayList<>(byId.values());
    }
}
