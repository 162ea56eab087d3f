package io.akhbar.bench.extract;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-thread throughput, in pages per second of CPU time. The machine is shared, so wall-clock time would
 * mostly measure the other jobs: the process's CPU time counts only the work done here, garbage collection of what
 * an extractor allocated included. Each measurement runs an extractor over all pages for at least
 * {@link #MIN_CPU_NANOS} (the clock ticks in 10 ms), the extractors take turns within each round in a rotating
 * order, and a figure is the best of several rounds, after warm-up rounds that let the JIT compile them all.
 */
final class SpeedRounds {
    private static final long MIN_CPU_NANOS = 2_000_000_000L;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    interface PageWork {
        Object run(byte[] body, String url) throws Exception;
    }

    record Entry(String name, PageWork work) {
    }

    /** Pages per CPU second of each entry: best, and worst, of the rounds. */
    record Speed(double best, double worst) {
    }

    /** Defeats dead-code elimination: every result feeds it. */
    private static volatile int sink;

    private SpeedRounds() {
    }

    static Map<String, Speed> measure(List<Entry> entries, List<ZyteCorpus.Page> pages, int warmupRounds,
                                      int rounds) {
        for (int round = 0; round < warmupRounds; round++) {
            for (Entry e : entries) {
                pagesPerCpuSecond(e, pages);
            }
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        entries.forEach(e -> rates.put(e.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get((i + round) % entries.size());
                rates.get(e.name()).add(pagesPerCpuSecond(e, pages));
            }
        }
        Map<String, Speed> speeds = new LinkedHashMap<>();
        rates.forEach((name, r) -> speeds.put(name, new Speed(
                r.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                r.stream().mapToDouble(Double::doubleValue).min().orElse(0))));
        return speeds;
    }

    private static double pagesPerCpuSecond(Entry e, List<ZyteCorpus.Page> pages) {
        int h = 0;
        long done = 0;
        long start = OS.getProcessCpuTime();
        long spent;
        do {
            for (ZyteCorpus.Page page : pages) {
                try {
                    h += System.identityHashCode(e.work().run(page.html(), page.url()));
                } catch (Exception failure) {
                    // The quality run counts failures; here a failed page costs what it cost.
                    h++;
                }
            }
            done += pages.size();
            spent = OS.getProcessCpuTime() - start;
        } while (spent < MIN_CPU_NANOS);
        sink += h;
        return done / (spent / 1e9);
    }
}
