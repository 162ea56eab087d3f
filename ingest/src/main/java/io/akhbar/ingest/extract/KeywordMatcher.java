package io.akhbar.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a class or id string contains any of a fixed set of keywords. This runs on every element of every
 * page, where an alternation regex costs as much as parsing the page; indexing keywords by a hash of their first
 * three characters makes it one array lookup per position instead of one comparison per keyword.
 */
final class KeywordMatcher {
    private static final int KEY_LENGTH = 3;
    /** Buckets of the hash table; a power of two well above the number of keywords keeps most of them empty. */
    private static final int BUCKETS = 1 << 12;

    private final String[][] byPrefix;

    private KeywordMatcher(String[][] byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** @param keywords lower case, at least three characters each */
    static KeywordMatcher of(Set<String> keywords) {
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            lists.add(null);
        }
        for (String keyword : keywords) {
            if (keyword.length() < KEY_LENGTH) {
                throw new IllegalArgumentException("keyword shorter than " + KEY_LENGTH + ": " + keyword);
            }
            int bucket = bucket(keyword, 0);
            if (lists.get(bucket) == null) {
                lists.set(bucket, new ArrayList<>());
            }
            lists.get(bucket).add(keyword);
        }
        String[][] byPrefix = new String[BUCKETS][];
        for (int i = 0; i < BUCKETS; i++) {
            byPrefix[i] = lists.get(i) == null ? null : lists.get(i).toArray(String[]::new);
        }
        return new KeywordMatcher(byPrefix);
    }

    boolean foundIn(String text) {
        for (int i = 0; i + KEY_LENGTH <= text.length(); i++) {
            String[] candidates = byPrefix[bucket(text, i)];
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

    private static int bucket(String s, int at) {
        int h = (s.charAt(at) * 31 + s.charAt(at + 1)) * 31 + s.charAt(at + 2);
        return (h ^ h >>> 12) & (BUCKETS - 1);
    }
}
