package io.akhbar.ingest.crawl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One item of each list in turn, each list keeping its own order. The crawler queues a pass's URLs source by source
 * in turns, because an instance takes the frontier's URLs in the order they were queued, a bounded number at a time:
 * queued one whole sitemap after another, the first thousand would keep one host busy at its per-host delay while the
 * others wait.
 */
final class TakingTurns {
    private TakingTurns() {
    }

    static <T> List<T> of(Collection<List<T>> lists) {
        List<T> merged = new ArrayList<>();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int turn = 0; turn < longest; turn++) {
            for (List<T> list : lists) {
                if (turn < list.size()) {
                    merged.add(list.get(turn));
                }
            }
        }
        return merged;
    }
}
