package io.akhbar.enrich.tag;

import io.akhbar.model.EntityType;
import io.akhbar.text.ArabicNormalizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entities the tagger knows and every spelling of them, read from a data file (format in the bundled
 * {@code gazetteer.tsv}) and indexed by first normalised word for matching.
 */
final class Gazetteer {
    /** The recognizer compares up to this many words; a longer spelling could never match. */
    static final int MAX_SPELLING_WORDS = 5;
    private static final String BUNDLED = "gazetteer.tsv";
    private static final String NOT_A_NAME = "NOT_A_NAME";
    private static final String AMBIGUOUS_MARK = "?";

    private final Map<String, Spelling> spellingsByText;
    private final Map<String, List<Spelling>> byFirstWord;

    private Gazetteer(Map<String, Spelling> spellingsByText) {
        this.spellingsByText = Collections.unmodifiableMap(new LinkedHashMap<>(spellingsByText));
        Map<String, List<Spelling>> index = new HashMap<>();
        for (Spelling spelling : spellingsByText.values()) {
            index.computeIfAbsent(spelling.words().get(0), word -> new ArrayList<>()).add(spelling);
        }
        index.replaceAll((word, spellings) -> List.copyOf(spellings));
        this.byFirstWord = Map.copyOf(index);
    }

    static Gazetteer bundled() {
        return parse(DataFile.readResource(BUNDLED));
    }

    static Gazetteer read(Path file) {
        return parse(DataFile.read(file));
    }

    static Gazetteer parse(List<DataFile.Line> lines) {
        Map<String, Spelling> spellingsByText = new LinkedHashMap<>();
        for (DataFile.Line line : lines) {
            if (line.columns().size() < 2 || line.columns().size() > 3) {
                throw line.error("expected type, name and variants separated by tabs");
            }
            String name = line.columns().get(1);
            Optional<KnownEntity> entity = entity(line, line.columns().get(0), withoutAmbiguousMark(name));
            List<String> spellings = new ArrayList<>(List.of(name));
            if (line.columns().size() == 3) {
                spellings.addAll(List.of(line.columns().get(2).split("\\|")));
            }
            for (String written : spellings) {
                if (!written.isBlank()) {
                    add(line, spelling(line, written.strip(), entity), spellingsByText);
                }
            }
        }
        return new Gazetteer(spellingsByText);
    }

    /** This gazetteer and the spellings of {@code configured}; where both spell the same words, configured wins. */
    Gazetteer extendedWith(Gazetteer configured) {
        Map<String, Spelling> merged = new LinkedHashMap<>(spellingsByText);
        merged.putAll(configured.spellingsByText);
        return new Gazetteer(merged);
    }

    /** Spellings whose first normalised word is {@code word}. */
    List<Spelling> startingWith(String word) {
        return byFirstWord.getOrDefault(word, List.of());
    }

    /** Every spelling, in the order the files list them. */
    Collection<Spelling> spellings() {
        return spellingsByText.values();
    }

    private static Optional<KnownEntity> entity(DataFile.Line line, String type, String name) {
        if (type.equals(NOT_A_NAME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KnownEntity(EntityType.valueOf(type), name));
        } catch (IllegalArgumentException e) {
            throw line.error("unknown type " + type + "; expected PERSON, PLACE, ORGANIZATION or " + NOT_A_NAME);
        }
    }

    private static Spelling spelling(DataFile.Line line, String written, Optional<KnownEntity> entity) {
        List<String> words = ArabicNormalizer.tokens(withoutAmbiguousMark(written));
        if (words.isEmpty()) {
            throw line.error("spelling '" + written + "' has no words");
        }
        if (words.size() > MAX_SPELLING_WORDS) {
            throw line.error("spelling '" + written + "' has more than " + MAX_SPELLING_WORDS + " words");
        }
        return new Spelling(words, entity, written.startsWith(AMBIGUOUS_MARK));
    }

    private static void add(DataFile.Line line, Spelling spelling, Map<String, Spelling> spellingsByText) {
        String text = String.join(" ", spelling.words());
        Spelling earlier = spellingsByText.putIfAbsent(text, spelling);
        if (earlier != null && !earlier.equals(spelling)) {
            throw line.error("'" + text + "' is already spelt for " + meaning(earlier) + ", not " + meaning(spelling));
        }
    }

    private static String meaning(Spelling spelling) {
        return spelling.entity().map(entity -> entity.type() + " " + entity.name())
                .orElse("a phrase that is not a name")
                + (spelling.ambiguous() ? " (ambiguous)" : "");
    }

    private static String withoutAmbiguousMark(String written) {
        return written.startsWith(AMBIGUOUS_MARK) ? written.substring(AMBIGUOUS_MARK.length()).strip() : written;
    }
}
