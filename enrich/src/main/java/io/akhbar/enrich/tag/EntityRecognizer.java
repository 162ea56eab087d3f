package io.akhbar.enrich.tag;

import io.akhbar.model.Entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds gazetteer names in clauses of normalised words. At each word the longest spelling starting there wins (up
 * to {@link Gazetteer#MAX_SPELLING_WORDS} words), matches never overlap, and the first word of a spelling may carry a
 * proclitic ({@link Proclitics}); at equal length the word as written beats a reading without proclitic.
 */
final class EntityRecognizer {
    private static final Comparator<Entity> MOST_MENTIONED_FIRST = Comparator.comparingInt(Entity::getMentions)
            .reversed()
            .thenComparing(Entity::getName)
            .thenComparing(Entity::getType);

    /**
     * Every written word that may start a name (a first word, with or without proclitics), with its readings that
     * do: one lookup per word of the text instead of trying each proclitic on every word.
     */
    private final Map<String, List<Candidates>> candidatesByWrittenWord;
    private final WordFilter writtenWords;

    /**
     * A reading of a written word that is the first word of some spellings, and those spellings as a tree of their
     * following words. Common first names start hundreds of spellings (محمد, عبد); the tree follows the text's next
     * words instead of comparing it with each of them.
     */
    private record Candidates(Proclitics.Reading reading, Words spellings) {
    }

    /** The spellings that continue with the words on the path to this node; {@code spelling} ends here. */
    private static final class Words {
        private final Map<String, Words> next = new HashMap<>(2);
        private Spelling spelling;

        void add(Spelling added, int from) {
            Words node = this;
            for (int i = from; i < added.words().size(); i++) {
                node = node.next.computeIfAbsent(added.words().get(i), word -> new Words());
            }
            node.spelling = added;
        }

        /**
         * The longest spelling that the words from {@code start + 1} continue, its first word already matched by
         * {@code reading}; null if none.
         */
        Spelling longestAt(List<String> words, int start, Proclitics.Reading reading) {
            Spelling longest = spelling != null && reading.mayStart(spelling) ? spelling : null;
            Words node = this;
            for (int i = start + 1; i < words.size(); i++) {
                node = node.next.get(words.get(i));
                if (node == null) {
                    break;
                }
                if (node.spelling != null) {
                    longest = node.spelling;
                }
            }
            return longest;
        }
    }

    EntityRecognizer(Gazetteer gazetteer) {
        Map<String, List<Candidates>> index = new HashMap<>();
        Map<String, Words> byFirstWord = new HashMap<>();
        for (Spelling spelling : gazetteer.spellings()) {
            for (String written : Proclitics.writtenFormsOf(spelling.words().get(0))) {
                if (!index.containsKey(written)) {
                    List<Candidates> candidates = candidatesOf(written, gazetteer, byFirstWord);
                    if (!candidates.isEmpty()) {
                        index.put(written, candidates);
                    }
                }
            }
        }
        this.candidatesByWrittenWord = index;
        this.writtenWords = WordFilter.of(index.keySet());
    }

    /** Entities named in an article's clauses, each counted once per mention. */
    List<Entity> entitiesIn(List<List<String>> clauses) {
        Map<KnownEntity, Integer> plainMentions = new HashMap<>();
        Map<KnownEntity, Integer> ambiguousMentions = new HashMap<>();
        for (List<String> clause : clauses) {
            for (Spelling spelling : spellingsIn(clause)) {
                spelling.entity().ifPresent(entity ->
                        (spelling.ambiguous() ? ambiguousMentions : plainMentions).merge(entity, 1, Integer::sum));
            }
        }
        // One sense per article: once the article names the entity plainly, its ambiguous spellings mean it too.
        return plainMentions.entrySet().stream()
                .map(mentions -> Entity.newBuilder()
                        .setType(mentions.getKey().type())
                        .setName(mentions.getKey().name())
                        .setMentions(mentions.getValue() + ambiguousMentions.getOrDefault(mentions.getKey(), 0))
                        .build())
                .sorted(MOST_MENTIONED_FIRST)
                .toList();
    }

    private List<Spelling> spellingsIn(List<String> words) {
        List<Spelling> found = new ArrayList<>();
        int start = 0;
        while (start < words.size()) {
            Optional<Spelling> longest = longestSpellingAt(words, start);
            if (longest.isPresent()) {
                found.add(longest.get());
                start += longest.get().words().size();
            } else {
                start++;
            }
        }
        return found;
    }

    private Optional<Spelling> longestSpellingAt(List<String> words, int start) {
        String word = words.get(start);
        if (!writtenWords.mayContain(word)) {
            return Optional.empty();
        }
        Spelling longest = null;
        for (Candidates candidates : candidatesByWrittenWord.getOrDefault(word, List.of())) {
            Spelling found = candidates.spellings().longestAt(words, start, candidates.reading());
            if (found != null && (longest == null || found.words().size() > longest.words().size())) {
                longest = found;
            }
        }
        return Optional.ofNullable(longest);
    }

    /**
     * The readings of a word that may start a spelling, in the order {@link Proclitics#readings} gives them. The
     * written forms of one first word share its tree ({@code byFirstWord}).
     */
    private static List<Candidates> candidatesOf(String word, Gazetteer gazetteer, Map<String, Words> byFirstWord) {
        List<Candidates> found = new ArrayList<>(1);
        for (Proclitics.Reading reading : Proclitics.readings(word)) {
            List<Spelling> spellings = gazetteer.startingWith(reading.word());
            if (!spellings.isEmpty()) {
                found.add(new Candidates(reading, byFirstWord.computeIfAbsent(reading.word(), first -> {
                    Words tree = new Words();
                    spellings.forEach(spelling -> tree.add(spelling, 1));
                    return tree;
                })));
            }
        }
        return List.copyOf(found);
    }
}
