package io.akhbar.bench.extract;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-thread throughput, in pages per second of CPU time of the extracting thread. The machine is shared:
 * wall-clock time would mostly measure the other jobs, and even CPU time varies from one moment to the next (caches
 * and cores are shared too), so the contenders take turns page by page, in an order that rotates from page to page,
 * and a busy spell slows them alike. A figure is the best of several rounds over all pages, after warm-up rounds
 * that let the JIT compile every contender. Garbage collection runs on other threads and is reported apart.
 */
final class SpeedRounds {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface PageWork {
        Object run(byte[] body, String url) throws Exception;
    }

    record Entry(String name, PageWork work) {
    }

    /** Pages per CPU second of each entry: best, and worst, of the rounds. */
    record Speed(double best, double worst) {
    }

    /** The speeds, and the share of the timed rounds' wall-clock time spent in garbage collection pauses. */
    record Result(Map<String, Speed> speeds, double gcShare) {
    }

    /** Defeats dead-code elimination: every result feeds it. */
    private static volatile int sink;

    private SpeedRounds() {
    }

    static Result measure(List<Entry> entries, List<ZyteCorpus.Page> pages, int warmupRounds, int rounds) {
        for (int round = 0; round < warmupRounds; round++) {
            timeRound(entries, pages, round);
        }
        long gcBefore = gcMillis();
        long wallBefore = System.nanoTime();
        double[] best = new double[entries.size()];
        double[] worst = new double[entries.size()];
        Arrays.fill(worst, Double.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            long[] nanos = timeRound(entries, pages, round);
            for (int i = 0; i < entries.size(); i++) {
                double rate = pages.size() / (nanos[i] / 1e9);
                best[i] = Math.max(best[i], rate);
                worst[i] = Math.min(worst[i], rate);
            }
        }
        double gcShare = (gcMillis() - gcBefore) * 1e6 / (System.nanoTime() - wallBefore);
        Map<String, Speed> speeds = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            speeds.put(entries.get(i).name(), new Speed(best[i], worst[i]));
        }
        return new Result(speeds, gcShare);
    }

    /** CPU nanoseconds each entry spent on all pages. */
    private static long[] timeRound(List<Entry> entries, List<ZyteCorpus.Page> pages, int round) {
        long[] nanos = new long[entries.size()];
        int h = 0;
        for (int p = 0; p < pages.size(); p++) {
            ZyteCorpus.Page page = pages.get(p);
            for (int i = 0; i < entries.size(); i++) {
                int entry = (i + p + round) % entries.size();
                long start = THREADS.getCurrentThreadCpuTime();
                try {
                    h += System.identityHashCode(entries.get(entry).work().run(page.html(), page.url()));
                } catch (Exception failure) {
                    // The quality run counts failures; here a failed page costs what it cost.
                    h++;
                }
                nanos[entry] += THREADS.getCurrentThreadCpuTime() - start;
            }
        }
        sink += h;
        return nanos;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }
}
