package io.akhbar.enrich.tag;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class WordFilterTest {
    /** Every written form of every bundled name's first word, as the recognizer looks them up. */
    private static final Set<String> WRITTEN_FIRST_WORDS = writtenFirstWords();
    private static final WordFilter FILTER = WordFilter.of(WRITTEN_FIRST_WORDS);

    private static Set<String> writtenFirstWords() {
        Set<String> words = new TreeSet<>();
        for (Spelling spelling : Gazetteer.bundled().spellings()) {
            words.addAll(Proclitics.writtenFormsOf(spelling.words().get(0)));
        }
        return words;
    }

    @Test
    void neverTurnsAwayAWordItWasBuiltFrom() {
        assertThat(WRITTEN_FIRST_WORDS).hasSizeGreaterThan(1000).allSatisfy(word -> {
            assertThat(FILTER.mayContain(word)).as(word).isTrue();
            assertThat(FILTER.mayContain(word.toCharArray(), word.length())).as(word).isTrue();
        });
    }

    @Test
    void answersTheSameForAWordInABufferAsForTheString() {
        char[] buffer = new char[64];
        for (String word : ordinaryWords()) {
            word.getChars(0, word.length(), buffer, 0);
            assertThat(FILTER.mayContain(buffer, word.length())).as(word).isEqualTo(FILTER.mayContain(word));
        }
    }

    @Test
    void turnsAwayMostOtherWords() {
        List<String> others = ordinaryWords().stream().filter(word -> !WRITTEN_FIRST_WORDS.contains(word)).toList();
        long letThrough = others.stream().filter(FILTER::mayContain).count();
        assertThat(others).hasSizeGreaterThan(10_000);
        assertThat((double) letThrough / others.size()).isLessThan(0.15);
    }

    @Test
    void anEmptyFilterTurnsAwayEverything() {
        WordFilter empty = WordFilter.of(Set.of());
        assertThat(ordinaryWords()).noneMatch(empty::mayContain);
    }

    /** Arabic-looking words, mostly not names: each triple of some common letters, alone, after ال, before ات. */
    private static List<String> ordinaryWords() {
        String letters = "ابتجدرسعفقكلمنهوي";
        List<String> words = new ArrayList<>();
        for (char a : letters.toCharArray()) {
            for (char b : letters.toCharArray()) {
                for (char c : letters.toCharArray()) {
                    String word = "" + a + b + c;
                    words.add(word);
                    words.add("ال" + word);
                    words.add(word + "ات");
                }
            }
        }
        return words;
    }
}
