package io.akhbar.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a class or id string contains any of a fixed set of keywords. This runs on every element of every
 * page, where an alternation regex costs as much as parsing the page; indexing keywords by their first three
 * characters makes it one hash lookup per position instead of one comparison per keyword.
 */
final class KeywordMatcher {
    private static final int KEY_LENGTH = 3;

    private final Map<Integer, String[]> byPrefix;

    private KeywordMatcher(Map<Integer, String[]> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** @param keywords lower case, at least three characters each */
    static KeywordMatcher of(Set<String> keywords) {
        Map<Integer, List<String>> lists = new HashMap<>();
        for (String keyword : keywords) {
            if (keyword.length() < KEY_LENGTH) {
                throw new IllegalArgumentException("keyword shorter than " + KEY_LENGTH + ": " + keyword);
            }
            lists.computeIfAbsent(key(keyword, 0), k -> new ArrayList<>()).add(keyword);
        }
        Map<Integer, String[]> byPrefix = new HashMap<>();
        lists.forEach((k, v) -> byPrefix.put(k, v.toArray(String[]::new)));
        return new KeywordMatcher(byPrefix);
    }

    boolean foundIn(String text) {
        for (int i = 0; i + KEY_LENGTH <= text.length(); i++) {
            String[] candidates = byPrefix.get(key(text, i));
            if (candidates != null) {
                for (String keyword : candidates) {
                    if (text.startsWith(keyword, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int key(String s, int at) {
        return (s.charAt(at) * 31 + s.charAt(at + 1)) * 31 + s.charAt(at + 2);
    }
}
