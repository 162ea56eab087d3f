package io.akhbar.bench.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scoring of the Zyte article-extraction-benchmark ({@code evaluate.py}), so that our figures compare with the
 * published ones: the body is cut into {@code \w+} tokens, the true and predicted bodies are compared as multisets
 * of 4-token shingles, each page's counts are normalised to sum to one (long pages weigh no more than short ones),
 * precision is averaged over the pages with a prediction, recall over the pages with a truth, and F1 is taken of
 * those two means. {@link #tokenF1} is the plainer per-page F1 of single tokens, averaged over all pages.
 */
final class ZyteScoring {
    static final int SHINGLE = 4;

    /** Python's {@code \w} on text: letters and numerals of every script, and the underscore. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    /** One page's matched, extra and missed shingles, as fractions of their sum. */
    record Counts(double tp, double fp, double fn) {
        double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Summary(double precision, double recall, double f1, double tokenF1) {
    }

    private ZyteScoring() {
    }

    static Counts match(String truth, String predicted, int n) {
        Map<String, Integer> expected = shingles(truth, n);
        Map<String, Integer> got = shingles(predicted, n);
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(got.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String key : keys) {
            int e = expected.getOrDefault(key, 0);
            int g = got.getOrDefault(key, 0);
            tp += Math.min(e, g);
            fp += Math.max(0, g - e);
            fn += Math.max(0, e - g);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
    }

    /** Precision, recall and F1 as the benchmark reports them, and the mean per-page token F1. */
    static Summary summarise(List<Counts> shingleCounts, List<Counts> tokenCounts) {
        double precision = shingleCounts.stream().filter(c -> c.tp() + c.fp() > 0)
                .mapToDouble(Counts::precision).average().orElse(0);
        double recall = shingleCounts.stream().filter(c -> c.tp() + c.fn() > 0)
                .mapToDouble(Counts::recall).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double tokenF1 = tokenCounts.stream().mapToDouble(Counts::f1).average().orElse(0);
        return new Summary(precision, recall, f1, tokenF1);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Overlapping runs of n tokens; a text shorter than n is one shingle of what it has. */
    private static Map<String, Integer> shingles(String text, int n) {
        List<String> tokens = tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - n + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + n));
            if (!shingle.isEmpty()) {
                counts.merge(String.join(" ", shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
