package io.akhbar.bench.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Pairs of ANT Corpus documents labelled by reading them ({@code ant-story-pairs.tsv}: same story or not), and the
 * pairwise precision and recall of a story assignment on them.
 */
public record StoryPairs(List<Pair> pairs) {

    public record Pair(String a, String b, boolean same, String stratum) {
    }

    /** Pairs judged, and how the assignment did: grouped and same, grouped but different, same but not grouped. */
    public record Score(int pairs, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f (%d/%d)  recall %.3f (%d/%d)", precision(), truePositives,
                    truePositives + falsePositives, recall(), truePositives, truePositives + falseNegatives);
        }
    }

    public static StoryPairs bundled() {
        try (InputStream in = StoryPairs.class.getResourceAsStream("ant-story-pairs.tsv")) {
            List<Pair> pairs = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(f -> new Pair(f[0], f[1], f[2].equals("same"), f[3]))
                    .toList();
            return new StoryPairs(pairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores a story assignment given as story id by DOCNO; a document without a story fails the run. */
    public Score score(Map<String, String> storyByDocno) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Pair pair : pairs) {
            boolean grouped = story(storyByDocno, pair.a()).equals(story(storyByDocno, pair.b()));
            tp += grouped && pair.same() ? 1 : 0;
            fp += grouped && !pair.same() ? 1 : 0;
            fn += !grouped && pair.same() ? 1 : 0;
        }
        return new Score(pairs.size(), tp, fp, fn);
    }

    private static String story(Map<String, String> storyByDocno, String docno) {
        String story = storyByDocno.get(docno);
        if (story == null) {
            throw new IllegalStateException("no story was emitted for " + docno);
        }
        return story;
    }
}
