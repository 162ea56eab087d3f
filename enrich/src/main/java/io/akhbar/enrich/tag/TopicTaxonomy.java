package io.akhbar.enrich.tag;

import io.akhbar.text.ArabicAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Topics from weighted keywords (format in the bundled {@code topics.tsv}) matched on analysed terms
 * ({@link ArabicAnalysis#terms}), longest keyword first, without overlaps. A topic is kept when its score, relative
 * to the length of the article, passes a threshold; at most {@link #MAX_TOPICS}, highest score first.
 */
final class TopicTaxonomy {
    static final int MAX_TOPICS = 3;
    private static final String BUNDLED = "topics.tsv";
    /** A title names what the article is about; one of its keywords weighs as much as two in the body. */
    private static final int TITLE_FACTOR = 2;
    /**
     * Keyword weight a topic needs per analysed term. At 0.04, a 300-term article needs a score of 12, about five
     * telling keywords, so a passing mention of a ceasefire in a trade story does not make it a military story.
     */
    private static final double MIN_SCORE_PER_TERM = 0.04;
    /** Short texts are judged as if they were this long, so a single keyword in a brief does not make a topic. */
    private static final int MIN_TERMS = 100;
    private static final Pattern POSITIVE_WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}");

    private final List<String> topics;
    private final Map<String, List<Keyword>> longestFirstByFirstTerm;

    /** A keyword's analysed terms and what it weighs towards each topic it serves. */
    record Keyword(List<String> terms, Map<String, Integer> weightByTopic) {
        Keyword {
            terms = List.copyOf(terms);
            weightByTopic = Map.copyOf(weightByTopic);
        }
    }

    private TopicTaxonomy(List<String> topics, List<Keyword> keywords) {
        this.topics = topics;
        Map<String, List<Keyword>> index = new HashMap<>();
        for (Keyword keyword : keywords) {
            index.computeIfAbsent(keyword.terms().get(0), term -> new ArrayList<>()).add(keyword);
        }
        index.replaceAll((term, sameFirstTerm) -> sameFirstTerm.stream()
                .sorted(Comparator.comparingInt((Keyword keyword) -> keyword.terms().size()).reversed())
                .toList());
        this.longestFirstByFirstTerm = Map.copyOf(index);
    }

    static TopicTaxonomy bundled() {
        return parse(DataFile.readResource(BUNDLED));
    }

    static TopicTaxonomy parse(List<DataFile.Line> lines) {
        Set<String> topics = new LinkedHashSet<>();
        Map<String, List<String>> termsByText = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> weightsByText = new HashMap<>();
        for (DataFile.Line line : lines) {
            if (line.columns().size() != 3) {
                throw line.error("expected topic, weight and keywords separated by tabs");
            }
            String topic = line.columns().get(0);
            int weight = weight(line, line.columns().get(1));
            topics.add(topic);
            for (String written : line.columns().get(2).split("\\|")) {
                List<String> terms = ArabicAnalysis.terms(written);
                if (terms.isEmpty()) {
                    throw line.error("keyword '" + written + "' has no terms once stop words are dropped");
                }
                String text = String.join(" ", terms);
                termsByText.putIfAbsent(text, terms);
                if (weightsByText.computeIfAbsent(text, t -> new HashMap<>()).putIfAbsent(topic, weight) != null) {
                    throw line.error("keyword '" + written + "' analyses like another keyword of " + topic + ": " + text);
                }
            }
        }
        List<Keyword> keywords = termsByText.entrySet().stream()
                .map(terms -> new Keyword(terms.getValue(), weightsByText.get(terms.getKey())))
                .toList();
        return new TopicTaxonomy(List.copyOf(topics), keywords);
    }

    /** Topic ids in the order the taxonomy declares them. */
    List<String> topics() {
        return topics;
    }

    List<String> topicsOf(List<String> titleTerms, List<List<String>> paragraphTerms) {
        Map<String, Integer> scores = new HashMap<>();
        addScores(titleTerms, TITLE_FACTOR, scores);
        int termCount = titleTerms.size();
        for (List<String> terms : paragraphTerms) {
            addScores(terms, 1, scores);
            termCount += terms.size();
        }
        double minScore = MIN_SCORE_PER_TERM * Math.max(termCount, MIN_TERMS);
        return scores.entrySet().stream()
                .filter(score -> score.getValue() >= minScore)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOPICS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private void addScores(List<String> terms, int factor, Map<String, Integer> scores) {
        int start = 0;
        while (start < terms.size()) {
            Optional<Keyword> keyword = longestKeywordAt(terms, start);
            if (keyword.isPresent()) {
                keyword.get().weightByTopic().forEach((topic, weight) -> scores.merge(topic, weight * factor, Integer::sum));
                start += keyword.get().terms().size();
            } else {
                start++;
            }
        }
    }

    private Optional<Keyword> longestKeywordAt(List<String> terms, int start) {
        return longestFirstByFirstTerm.getOrDefault(terms.get(start), List.of()).stream()
                .filter(keyword -> start + keyword.terms().size() <= terms.size()
                        && terms.subList(start, start + keyword.terms().size()).equals(keyword.terms()))
                .findFirst();
    }

    private static int weight(DataFile.Line line, String written) {
        if (!POSITIVE_WHOLE_NUMBER.matcher(written).matches()) {
            throw line.error("weight '" + written + "' is not a positive whole number");
        }
        return Integer.parseInt(written);
    }
}
