package io.akhbar.enrich.tag;

import io.akhbar.enrich.words.Clauses;

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
 * Topics from weighted keywords (format in the bundled {@code topics.tsv}) matched on the {@link Stems} of an
 * article's words, clause by clause, longest keyword first, without overlaps. A topic is kept when its score,
 * relative to the length of the article, passes a threshold; at most {@link #MAX_TOPICS}, highest score first.
 */
final class TopicTaxonomy {
    static final int MAX_TOPICS = 3;
    private static final String BUNDLED = "topics.tsv";
    /** A title says what the article is about; one of its keywords weighs as much as two in the body. */
    private static final int TITLE_FACTOR = 2;
    /**
     * Keyword weight a topic needs per word. At 0.03, a 400-word article needs a score of 12, about four telling
     * keywords, so a passing mention of a ceasefire in a trade story does not make it a military story.
     */
    private static final double MIN_SCORE_PER_WORD = 0.03;
    /** Short texts are judged as if they were this long, so a single keyword in a brief does not make a topic. */
    private static final int MIN_WORDS = 150;
    private static final Pattern POSITIVE_WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}");

    private final List<String> topics;
    private final Map<String, List<Keyword>> longestFirstByFirstStem;
    private final WordFilter firstStems;

    /** A keyword's stems and what it weighs towards each topic it serves. */
    record Keyword(List<String> stems, Map<String, Integer> weightByTopic) {
        Keyword {
            stems = List.copyOf(stems);
            weightByTopic = Map.copyOf(weightByTopic);
        }
    }

    private TopicTaxonomy(List<String> topics, List<Keyword> keywords) {
        this.topics = List.copyOf(topics);
        Map<String, List<Keyword>> index = new HashMap<>();
        for (Keyword keyword : keywords) {
            index.computeIfAbsent(keyword.stems().get(0), stem -> new ArrayList<>()).add(keyword);
        }
        index.replaceAll((stem, sameFirstStem) -> sameFirstStem.stream()
                .sorted(Comparator.comparingInt((Keyword keyword) -> keyword.stems().size()).reversed())
                .toList());
        this.longestFirstByFirstStem = Map.copyOf(index);
        this.firstStems = WordFilter.of(index.keySet());
    }

    static TopicTaxonomy bundled() {
        return parse(DataFile.readResource(BUNDLED));
    }

    static TopicTaxonomy parse(List<DataFile.Line> lines) {
        Set<String> topics = new LinkedHashSet<>();
        Map<String, List<String>> stemsByText = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> weightsByText = new HashMap<>();
        for (DataFile.Line line : lines) {
            if (line.columns().size() != 3) {
                throw line.error("expected topic, weight and keywords separated by tabs");
            }
            String topic = line.columns().get(0);
            int weight = weight(line, line.columns().get(1));
            topics.add(topic);
            for (String written : line.columns().get(2).split("\\|")) {
                List<List<String>> clauses = Clauses.of(written);
                if (clauses.size() != 1) {
                    throw line.error("keyword '" + written + "' is not one run of words");
                }
                List<String> stems = Stems.of(clauses.get(0));
                String text = String.join(" ", stems);
                stemsByText.putIfAbsent(text, stems);
                if (weightsByText.computeIfAbsent(text, t -> new HashMap<>()).putIfAbsent(topic, weight) != null) {
                    throw line.error("keyword '" + written + "' stems like another keyword of " + topic + ": " + text);
                }
            }
        }
        List<Keyword> keywords = stemsByText.entrySet().stream()
                .map(stems -> new Keyword(stems.getValue(), weightsByText.get(stems.getKey())))
                .toList();
        return new TopicTaxonomy(List.copyOf(topics), keywords);
    }

    /** Topic ids in the order the taxonomy declares them. */
    List<String> topics() {
        return topics;
    }

    /** The topics of an article given as clauses of normalised words. */
    List<String> topicsOf(List<List<String>> titleClauses, List<List<String>> bodyClauses) {
        Map<String, Integer> scores = new HashMap<>();
        int wordCount = 0;
        for (List<String> clause : titleClauses) {
            addScores(new ClauseStems(clause), TITLE_FACTOR, scores);
            wordCount += clause.size();
        }
        for (List<String> clause : bodyClauses) {
            addScores(new ClauseStems(clause), 1, scores);
            wordCount += clause.size();
        }
        double minScore = MIN_SCORE_PER_WORD * Math.max(wordCount, MIN_WORDS);
        return scores.entrySet().stream()
                .filter(score -> score.getValue() >= minScore)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TOPICS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private void addScores(ClauseStems stems, int factor, Map<String, Integer> scores) {
        int start = 0;
        while (start < stems.size()) {
            Optional<Keyword> keyword = longestKeywordAt(stems, start);
            if (keyword.isPresent()) {
                keyword.get().weightByTopic()
                        .forEach((topic, weight) -> scores.merge(topic, weight * factor, Integer::sum));
                start += keyword.get().stems().size();
            } else {
                start++;
            }
        }
    }

    private Optional<Keyword> longestKeywordAt(ClauseStems stems, int start) {
        String stem = stems.stemIfIn(start, firstStems);
        if (stem == null) {
            return Optional.empty();
        }
        for (Keyword keyword : longestFirstByFirstStem.getOrDefault(stem, List.of())) {
            if (continuesAt(stems, start, keyword.stems())) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** Whether the stems after {@code start} are the rest of the keyword's; its first was matched already. */
    private static boolean continuesAt(ClauseStems stems, int start, List<String> expected) {
        if (start + expected.size() > stems.size()) {
            return false;
        }
        for (int i = 1; i < expected.size(); i++) {
            if (!stems.at(start + i).equals(expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int weight(DataFile.Line line, String written) {
        if (!POSITIVE_WHOLE_NUMBER.matcher(written).matches()) {
            throw line.error("weight '" + written + "' is not a positive whole number");
        }
        return Integer.parseInt(written);
    }
}
