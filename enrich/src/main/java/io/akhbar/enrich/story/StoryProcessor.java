package io.akhbar.enrich.story;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.ArticleWords;
import io.akhbar.enrich.dedup.Fingerprints;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.dedup.StoryDecision;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.enrich.words.ArticleText;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.EnrichedArticleEncoding;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.StoryMatch;
import io.akhbar.model.internal.StoryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Per article: drops unchanged re-crawls, tags each new content version and sends its signature to its band
 * buckets, gathers the buckets' answers, and emits the enriched article once every band has answered, and again
 * whenever its story changes. Keyed by article id, so one article's state lives in one task.
 *
 * <p>A story is a connected group of articles that matched pairwise, and its id is its earliest member's. Each
 * article keeps the earliest member it knows of ({@link StoryState#getStory()}) and tells its neighbours (the
 * articles it is linked to, see {@link Links}) whenever that becomes earlier; the links connect every story's
 * members, so the earliest member spreads along them until every member knows it, whatever the order in which
 * articles and messages arrive. A → B → C, where A and C do not match, is one story: A's.
 *
 * <p>A new content version keeps the article's neighbours and story: the links of a story pass through it, so
 * forgetting them would cut others off. Stories therefore never split when an article is edited.
 *
 * <p>It reads {@link ReceivedArticle}s and {@link BandReply}s, and writes {@link BandProbe}s, {@link BandReply}s and
 * the enriched article as the bytes {@link EnrichedArticleEncoding} joins: hence its untyped values.
 */
public final class StoryProcessor implements Processor<String, Object, String, Object> {
    private final EnrichSettings settings;
    private final Tagger tagger;
    private final MinHasher minHasher;
    private final String probesChild;
    private final String messagesChild;
    private final String enrichedChild;
    private final Counter unchanged = Metrics.counter("akhbar.enrich.articles", "outcome", "unchanged");
    private final Counter newVersions = Metrics.counter("akhbar.enrich.articles", "outcome", "new-version");
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, byte[]> receivedArticles;

    public StoryProcessor(EnrichSettings settings, Tagger tagger, String probesChild, String messagesChild,
                          String enrichedChild) {
        this.settings = settings;
        this.tagger = tagger;
        this.minHasher = new MinHasher(settings.signatureLength(), settings.shingleSize());
        this.probesChild = probesChild;
        this.messagesChild = messagesChild;
        this.enrichedChild = enrichedChild;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stories = context.getStateStore(StoreNames.STORIES);
        this.receivedArticles = context.getStateStore(StoreNames.RECEIVED_ARTICLES);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof ReceivedArticle article) {
            onArticle(record, article);
        } else if (record.value() instanceof BandReply message) {
            onMessage(record, message);
        } else if (record.value() != null) {
            throw new IllegalArgumentException("unexpected record type " + record.value().getClass().getName());
        }
    }

    private void onArticle(Record<String, Object> record, ReceivedArticle received) {
        String id = record.key();
        Article article = received.article();
        ArticleText text = ArticleText.of(article.getTitle(), article.getParagraphs());
        ArticleWords words = ArticleWords.of(text);
        String fingerprint = Fingerprints.of(words.all());
        StoryState previous = stories.get(id);
        if (previous != null && previous.getFingerprint().equals(fingerprint)) {
            unchanged.increment();
            return;
        }
        newVersions.increment();
        long orderTime = (article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt()).toEpochMilli();
        int contentVersion = previous == null ? 1 : previous.getContentVersion() + 1;
        StoryMatch self = new StoryMatch(id, orderTime, fingerprint, contentVersion);
        StoryState state = StoryState.newBuilder()
                .setFingerprint(fingerprint)
                .setContentVersion(contentVersion)
                .setOrderTime(orderTime)
                .setAnsweredBands(new ArrayList<>())
                .setMatches(previous == null ? new ArrayList<>() : previous.getMatches())
                .setStory(previous == null || previous.getStory().getArticleId().equals(id) ? self
                        : StoryDecision.earlier(previous.getStory(), self))
                .setRevision(0)
                .build();
        state.setPendingEnrichment(ByteBuffer.wrap(EnrichedArticleEncoding.enrichment(tagged(article, text, state))));
        stories.put(id, state);
        BandProbe probe = BandProbe.newBuilder()
                .setArticleId(id).setContentVersion(contentVersion).setOrderTime(orderTime)
                .setFingerprint(fingerprint).setSignature(MinHasher.encode(minHasher.signature(words.shingled())))
                .build();
        context.forward(record.withValue(probe), probesChild);
    }

    private void onMessage(Record<String, Object> record, BandReply message) {
        StoryState state = stories.get(message.getTargetId());
        if (state == null) {
            return;
        }
        if (state.getContentVersion() == message.getTargetContentVersion()) {
            for (Integer band : message.getAnsweredBands()) {
                if (!state.getAnsweredBands().contains(band)) {
                    state.getAnsweredBands().add(band);
                }
            }
        }
        StoryMatch self = self(message.getTargetId(), state);
        List<StoryMatch> newNeighbours = addNeighbours(state, message.getMatches(), self);
        StoryMatch story = state.getStory();
        for (StoryMatch neighbour : newNeighbours) {
            story = StoryDecision.earlier(story, neighbour);
        }
        if (message.getStory() != null) {
            story = StoryDecision.earlier(story, message.getStory());
        }
        if (!story.getArticleId().equals(state.getStory().getArticleId())) {
            state.setStory(story);
            tellStory(record, self, story, state.getMatches());
        } else if (!story.getArticleId().equals(self.getArticleId())) {
            tellStory(record, self, story, newNeighbours);
        }
        if (state.getAnsweredBands().size() >= settings.bands()) {
            emitIfChanged(record, self, state);
        }
        stories.put(message.getTargetId(), state);
    }

    /**
     * Adds the articles found to match this one (or that say they matched it); returns those not known before. A
     * neighbour seen again with a newer content version replaces its older entry.
     */
    private static List<StoryMatch> addNeighbours(StoryState state, List<StoryMatch> found, StoryMatch self) {
        List<StoryMatch> added = new ArrayList<>();
        for (StoryMatch match : found) {
            if (match.getArticleId().equals(self.getArticleId())) {
                continue;
            }
            List<StoryMatch> known = state.getMatches();
            int at = indexOf(known, match.getArticleId());
            if (at < 0) {
                known.add(match);
                added.add(match);
            } else if (known.get(at).getContentVersion() < match.getContentVersion()) {
                known.set(at, match);
                added.add(match);
            }
        }
        return added;
    }

    /**
     * Tells neighbours the earliest member of this article's story, so that it spreads along the matches. A
     * neighbour that is that member already knows; one that knows this article as a neighbour takes it into
     * account when it learns of the match, so only a story earlier than this article itself is news.
     */
    private void tellStory(Record<String, Object> record, StoryMatch self, StoryMatch story,
                           List<StoryMatch> neighbours) {
        for (StoryMatch neighbour : neighbours) {
            if (neighbour.getArticleId().equals(story.getArticleId())) {
                continue;
            }
            BandReply news = new BandReply(neighbour.getArticleId(), neighbour.getContentVersion(), List.of(),
                    List.of(self), story);
            context.forward(record.withKey(neighbour.getArticleId()).withValue(news), messagesChild);
        }
    }

    private void emitIfChanged(Record<String, Object> record, StoryMatch self, StoryState state) {
        StoryDecision decision = StoryDecision.decide(self, state.getStory(), state.getMatches());
        String duplicate = decision.duplicate() == null ? null : decision.duplicate().name();
        boolean firstEmission = state.getRevision() == 0;
        if (!firstEmission && Objects.equals(decision.storyId(), state.getEmittedStoryId())
                && Objects.equals(duplicate, state.getEmittedDuplicate())
                && Objects.equals(decision.duplicateOf(), state.getEmittedDuplicateOf())) {
            return;
        }
        byte[] article = receivedArticles.get(self.getArticleId());
        if (article == null) {
            throw new IllegalStateException("article " + self.getArticleId() + " has story state but no record in the"
                    + " articles topic (expired, or deleted by a tombstone), so it cannot be emitted again");
        }
        byte[] enrichment = state.getPendingEnrichment() == null ? new byte[0]
                : Buffers.bytes(state.getPendingEnrichment());
        state.setPendingEnrichment(null);
        state.setRevision(state.getRevision() + 1);
        state.setEmittedStoryId(decision.storyId());
        state.setEmittedDuplicate(duplicate);
        state.setEmittedDuplicateOf(decision.duplicateOf());
        EnrichedArticle enriched = EnrichedArticleEncoding.readEnrichment(enrichment)
                .filter(tagged -> tagged.getTaggerVersion() == Tagger.VERSION)
                .orElseGet(() -> {
                    Article decoded = AkhbarSerdes.ARTICLE.decode(article);
                    return tagged(decoded, ArticleText.of(decoded.getTitle(), decoded.getParagraphs()), state);
                });
        enriched.setFingerprint(state.getFingerprint());
        enriched.setContentVersion(state.getContentVersion());
        enriched.setDocumentVersion(DocumentVersions.of(Tagger.VERSION, state.getContentVersion(), state.getRevision()));
        enriched.setStoryId(decision.storyId());
        enriched.setDuplicate(decision.duplicate());
        enriched.setDuplicateOf(decision.duplicateOf());
        byte[] encoded = EnrichedArticleEncoding.join(article, EnrichedArticleEncoding.enrichment(enriched));
        Metrics.counter("akhbar.enrich.emitted", "duplicate",
                duplicate == null ? "none" : duplicate.toLowerCase(java.util.Locale.ROOT)).increment();
        context.forward(record.withKey(self.getArticleId()).withValue(encoded), enrichedChild);
    }

    /**
     * The article as it will be emitted, tagged now that its text is normalised for the fingerprint anyway; its story
     * is decided when every band has answered ({@link #emitIfChanged}). The story state keeps the tags until that
     * first emission, which uses them unless another tagger version made them; a later emission, when the story
     * changes, tags the article again. About one emission in fifty is a later one, and a store of its own for the
     * tags had cost a changelog record and two store operations on every article.
     */
    private EnrichedArticle tagged(Article article, ArticleText text, StoryState state) {
        Tags tags = tagger.tag(text, article.getLang());
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint(state.getFingerprint())
                .setContentVersion(state.getContentVersion())
                .setDocumentVersion(0)
                .setStoryId(article.getId())
                .setDuplicate(null)
                .setDuplicateOf(null)
                .setEntities(tags.entities())
                .setTopics(tags.topics())
                .setWordCount(tags.wordCount())
                .setTaggerVersion(Tagger.VERSION)
                .build();
    }

    private static StoryMatch self(String id, StoryState state) {
        return new StoryMatch(id, state.getOrderTime(), state.getFingerprint(), state.getContentVersion());
    }

    private static int indexOf(List<StoryMatch> matches, String articleId) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).getArticleId().equals(articleId)) {
                return i;
            }
        }
        return -1;
    }
}
