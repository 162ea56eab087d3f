package io.akhbar.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of a few fixed sets of keywords occur in a class or id string. This runs on the names of every page,
 * where an alternation regex costs as much as parsing the page; indexing keywords by a hash of their first three
 * characters makes it one array lookup per position instead of one comparison per keyword, and several sets are
 * looked for in one scan.
 */
final class KeywordMatcher {
    private static final int KEY_LENGTH = 3;
    /** Buckets of the hash table; a power of two well above the number of keywords keeps most of them empty. */
    private static final int BUCKETS = 1 << 12;

    private final String[][] keywords;
    /** For each keyword, the bit of the set it belongs to. */
    private final int[][] groups;
    private final int allGroups;

    private KeywordMatcher(String[][] keywords, int[][] groups, int allGroups) {
        this.keywords = keywords;
        this.groups = groups;
        this.allGroups = allGroups;
    }

    /** @param keywords lower case, at least three characters each */
    static KeywordMatcher of(Set<String> keywords) {
        return of(List.of(keywords));
    }

    /** @param sets keyword sets; set {@code i} is reported as bit {@code 1 << i} by {@link #groupsIn} */
    static KeywordMatcher of(List<Set<String>> sets) {
        List<List<String>> words = new ArrayList<>();
        List<List<Integer>> bits = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            words.add(new ArrayList<>());
            bits.add(new ArrayList<>());
        }
        for (int set = 0; set < sets.size(); set++) {
            for (String keyword : sets.get(set)) {
                if (keyword.length() < KEY_LENGTH) {
                    throw new IllegalArgumentException("keyword shorter than " + KEY_LENGTH + ": " + keyword);
                }
                int bucket = bucket(keyword, 0);
                words.get(bucket).add(keyword);
                bits.get(bucket).add(1 << set);
            }
        }
        String[][] keywords = new String[BUCKETS][];
        int[][] groups = new int[BUCKETS][];
        for (int i = 0; i < BUCKETS; i++) {
            if (!words.get(i).isEmpty()) {
                keywords[i] = words.get(i).toArray(String[]::new);
                groups[i] = bits.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new KeywordMatcher(keywords, groups, (1 << sets.size()) - 1);
    }

    boolean foundIn(String text) {
        return groupsIn(text) != 0;
    }

    /** The bits of the sets that have a keyword in {@code text}. */
    int groupsIn(String text) {
        int found = 0;
        for (int i = 0; i + KEY_LENGTH <= text.length() && found != allGroups; i++) {
            int bucket = bucket(text, i);
            String[] candidates = keywords[bucket];
            if (candidates != null) {
                for (int k = 0; k < candidates.length; k++) {
                    if ((found & groups[bucket][k]) == 0 && text.startsWith(candidates[k], i)) {
                        found |= groups[bucket][k];
                    }
                }
            }
        }
        return found;
    }

    private static int bucket(String s, int at) {
        int h = (s.charAt(at) * 31 + s.charAt(at + 1)) * 31 + s.charAt(at + 2);
        return (h ^ h >>> 12) & (BUCKETS - 1);
    }
}
