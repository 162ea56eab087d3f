package io.akhbar.bench.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads by kind, read from Linux's {@code /proc/self/task}: the native threads too, which a
 * flight recording does not sample (RocksDB's flushes and compactions, garbage collection, the JIT compiler), so
 * that the stream's CPU per article can be split between its stream threads and the work they cause elsewhere.
 * Threads are told apart by the name the kernel keeps (15 characters). Empty where there is no {@code /proc}.
 */
record ThreadCpu(Map<Integer, Thread> threads) {
    /** Linux reports thread times in clock ticks of 1/100 s on every architecture Java runs on. */
    private static final double SECONDS_PER_TICK = 0.01;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Map<String, Pattern> KINDS = kinds();

    record Thread(String name, long ticks) {
    }

    static ThreadCpu now() {
        Map<Integer, Thread> threads = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new ThreadCpu(threads);
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.put(Integer.parseInt(task.getFileName().toString()),
                            new Thread(stat.substring(open + 1, close), ticks));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read; its time is lost to the split, not to the total
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(threads);
    }

    /** Seconds of CPU per kind of thread since {@code earlier}, in a fixed order; threads started since count whole. */
    Map<String, Double> since(ThreadCpu earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> seconds.put(kind, 0.0));
        threads.forEach((tid, thread) -> {
            Thread before = earlier.threads.get(tid);
            long ticks = thread.ticks - (before != null && before.name.equals(thread.name) ? before.ticks : 0);
            seconds.merge(kindOf(thread.name), ticks * SECONDS_PER_TICK, Double::sum);
        });
        return seconds;
    }

    private static String kindOf(String name) {
        for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
            if (kind.getValue().matcher(name).matches()) {
                return kind.getKey();
            }
        }
        return "other";
    }

    private static Map<String, Pattern> kinds() {
        Map<String, Pattern> kinds = new LinkedHashMap<>();
        kinds.put("stream threads", Pattern.compile(".*StreamThr.*|b[0-9a-f]{8}\\.enric.*"));
        kinds.put("producer senders", Pattern.compile("kafka-producer.*"));
        kinds.put("rocksdb", Pattern.compile("rocksdb.*"));
        kinds.put("gc", Pattern.compile("GC Thread.*|G1 .*|VM Periodic.*|VM Thread"));
        kinds.put("jit", Pattern.compile("C[12] Compiler.*"));
        kinds.put("other", Pattern.compile(".*"));
        return kinds;
    }
}
