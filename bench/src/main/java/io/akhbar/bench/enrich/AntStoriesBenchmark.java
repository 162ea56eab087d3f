package io.akhbar.bench.enrich;

import io.akhbar.bench.enrich.AntCorpus.Document;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.ArticleWords;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.story.BandProcessor;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.Article;
import io.akhbar.text.ArabicAnalysis;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Story decisions on real Arabic news: the enrich topology runs over the whole ANT Corpus (31,525 articles), and its
 * story ids are scored on the pairs labelled by reading ({@code ant-story-pairs.tsv}) by pairwise precision and
 * recall, beside the articles each article was compared with on average ({@link BandProcessor#CANDIDATES_METRIC}).
 * Compared in the same run: other thresholds and band shapes of the topology, the same corpus arriving out
 * of order (up to one window late), and, pair by pair without the topology, the similarity of shingles of words
 * against shingles of Lucene's light stems without stop words, for several shingle sizes.
 */
public final class AntStoriesBenchmark {
    private AntStoriesBenchmark() {
    }

    public static void main(String[] args) {
        Metrics.addRegistry(new SimpleMeterRegistry());
        List<Document> corpus = AntCorpus.read(AntCorpus.locate());
        StoryPairs pairs = StoryPairs.bundled();
        Tagger tagger = Tagger.withBundledData();
        EnrichSettings defaults = EnrichSettings.defaults();
        System.out.printf("ANT Corpus: %d documents, %d labelled pairs (%d same story)%n", corpus.size(),
                pairs.pairs().size(), pairs.pairs().stream().filter(StoryPairs.Pair::same).count());

        List<Article> inOrder = corpus.stream().map(Document::article).toList();
        Map<String, String> reference = null;
        System.out.println("\nThe topology, publication order:");
        for (EnrichSettings settings : variants(defaults)) {
            long start = System.nanoTime();
            DistributionSummary candidates = Metrics.summary(BandProcessor.CANDIDATES_METRIC);
            long probesBefore = candidates.count();
            double candidatesBefore = candidates.totalAmount();
            Map<String, String> stories = OfflineEnrich.stories(inOrder, settings, tagger);
            StoryPairs.Score score = pairs.score(byDocno(corpus, stories));
            System.out.printf("  %-44s %s  stories %d  candidates per article %.3f  (%.0f s)%n",
                    describe(settings, defaults), score, new HashSet<>(stories.values()).size(),
                    (candidates.totalAmount() - candidatesBefore) / (candidates.count() - probesBefore),
                    (System.nanoTime() - start) / 1e9);
            if (reference == null) {
                reference = stories;
            }
        }

        List<Article> late = arrivingLate(inOrder, defaults.window(), new Random(7));
        Map<String, String> lateStories = OfflineEnrich.stories(late, defaults, tagger);
        long differing = reference.entrySet().stream().filter(e -> !e.getValue().equals(lateStories.get(e.getKey()))).count();
        System.out.printf("%nOut of order (each article up to one window late), defaults: %s; articles whose story"
                + " differs from publication order: %d of %d%n", pairs.score(byDocno(corpus, lateStories)), differing,
                reference.size());

        System.out.println("\nPairs by estimated similarity alone (no topology), at thresholds 0.3 / 0.4 / 0.5 / 0.6 / 0.7:");
        Map<String, Article> byDocno = new HashMap<>();
        corpus.forEach(d -> byDocno.put(d.docno(), d.article()));
        for (String words : List.of("words", "stems")) {
            Function<Article, List<String>> tokens = words.equals("words")
                    ? a -> ArticleWords.of(a.getTitle(), a.getParagraphs()).shingled()
                    : AntStoriesBenchmark::stems;
            for (int shingle = 2; shingle <= 5; shingle++) {
                MinHasher hasher = new MinHasher(defaults.signatureLength(), shingle);
                StringBuilder line = new StringBuilder(String.format("  %-5s shingles of %d:", words, shingle));
                for (double threshold : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
                    StoryPairs.Score score = pairDecisions(pairs, byDocno, tokens, hasher, threshold);
                    line.append(String.format("  P %.2f R %.2f", score.precision(), score.recall()));
                }
                System.out.println(line);
            }
        }
    }

    private static List<EnrichSettings> variants(EnrichSettings d) {
        return List.of(d,
                with(d, d.bands(), d.rowsPerBand(), d.shingleSize(), 0.5),
                with(d, d.bands(), d.rowsPerBand(), d.shingleSize(), 0.6),
                with(d, 20, 5, d.shingleSize(), d.similarityThreshold()),
                with(d, 15, 3, d.shingleSize(), d.similarityThreshold()),
                with(d, 8, 3, d.shingleSize(), d.similarityThreshold()),
                with(d, 6, 2, d.shingleSize(), d.similarityThreshold()));
    }

    private static EnrichSettings with(EnrichSettings d, int bands, int rows, int shingle, double threshold) {
        return new EnrichSettings(d.applicationId(), bands, rows, d.signatureLength(), shingle, threshold, d.window(),
                d.bandRetention(), d.maxBandMembers(), d.stateDir(), d.extraGazetteer(), d.streamThreads());
    }

    private static String describe(EnrichSettings s, EnrichSettings defaults) {
        String shape = String.format("%d×%d, shingles of %d, threshold %.1f", s.bands(), s.rowsPerBand(),
                s.shingleSize(), s.similarityThreshold());
        return s.equals(defaults) ? shape + " (defaults)" : shape;
    }

    /** The articles in the order they would arrive if each came a random delay of up to one window late. */
    private static List<Article> arrivingLate(List<Article> articles, Duration window, Random random) {
        record Arrival(Article article, long at) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (Article a : articles) {
            arrivals.add(new Arrival(a, a.getPublishedAt().toEpochMilli() + (long) (random.nextDouble() * window.toMillis())));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        return arrivals.stream().map(Arrival::article).toList();
    }

    private static Map<String, String> byDocno(List<Document> corpus, Map<String, String> storyByKey) {
        Map<String, String> byDocno = new HashMap<>();
        for (Document d : corpus) {
            String story = storyByKey.get(d.article().getId());
            if (story != null) {
                byDocno.put(d.docno(), story);
            }
        }
        return byDocno;
    }

    private static StoryPairs.Score pairDecisions(StoryPairs pairs, Map<String, Article> byDocno,
                                                  Function<Article, List<String>> tokens, MinHasher hasher,
                                                  double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (StoryPairs.Pair pair : pairs.pairs()) {
            Article a = byDocno.get(pair.a());
            Article b = byDocno.get(pair.b());
            boolean same = a.getId().equals(b.getId()) || MinHasher.similarity(hasher.signature(tokens.apply(a)),
                    hasher.signature(tokens.apply(b))) >= threshold;
            tp += same && pair.same() ? 1 : 0;
            fp += same && !pair.same() ? 1 : 0;
            fn += !same && pair.same() ? 1 : 0;
        }
        return new StoryPairs.Score(pairs.pairs().size(), tp, fp, fn);
    }

    private static List<String> stems(Article article) {
        List<String> stems = new ArrayList<>();
        for (String paragraph : article.getParagraphs()) {
            stems.addAll(ArabicAnalysis.terms(paragraph));
        }
        return stems;
    }
}
