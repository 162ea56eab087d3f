package io.akhbar.enrich.tag;

import java.util.List;

/**
 * The {@link Stems} of one clause's words, made as they are asked for. Every word is stemmed to be looked up as the
 * first word of a keyword, but nearly all fail the {@link WordFilter} first, and those are stemmed in a buffer
 * without becoming Strings.
 */
final class ClauseStems {
    private final List<String> words;
    private final String[] stems;
    private char[] buffer = new char[32];

    ClauseStems(List<String> words) {
        this.words = words;
        this.stems = new String[words.size()];
    }

    int size() {
        return stems.length;
    }

    /** The stem of word {@code i}, or null when {@code filter} says no word it was built from is that stem. */
    String stemIfIn(int i, WordFilter filter) {
        if (stems[i] != null) {
            return filter.mayContain(stems[i]) ? stems[i] : null;
        }
        String word = words.get(i);
        if (buffer.length < word.length()) {
            buffer = new char[word.length()];
        }
        word.getChars(0, word.length(), buffer, 0);
        int length = Stems.stem(buffer, word.length());
        if (!filter.mayContain(buffer, length)) {
            return null;
        }
        stems[i] = new String(buffer, 0, length);
        return stems[i];
    }

    String at(int i) {
        if (stems[i] == null) {
            stems[i] = Stems.of(words.get(i));
        }
        return stems[i];
    }
}
