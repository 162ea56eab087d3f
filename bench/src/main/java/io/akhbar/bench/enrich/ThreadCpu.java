package io.akhbar.bench.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads by kind, read from Linux's {@code /proc/PID/task}: the native threads too, which a
 * flight recording does not sample (RocksDB's flushes and compactions, garbage collection, the JIT compiler), so
 * that the stream's CPU per article can be split between its stream threads and the work they cause elsewhere, and
 * the broker's between its compiler and the rest. Threads are told apart by the name the kernel keeps (15
 * characters). Empty where there is no {@code /proc}.
 */
record ThreadCpu(Map<Integer, Thread> threads) {
    /** Linux reports thread times in clock ticks of 1/100 s on every architecture Java runs on. */
    private static final double SECONDS_PER_TICK = 0.01;
    /** The kind of the Kafka Streams threads, which do the stream's own work. */
    static final String STREAM_THREADS = "stream threads";
    static final String JIT = "jit";
    private static final Map<String, Pattern> KINDS = kinds();

    record Thread(String name, long ticks) {
    }

    /** This JVM's threads. */
    static ThreadCpu now() {
        return of(Path.of("/proc/self/task"));
    }

    /** The threads of this JVM's child processes: the broker, in the throughput benchmark. */
    static ThreadCpu ofChildren() {
        Map<Integer, Thread> threads = new HashMap<>();
        ProcessHandle.current().descendants().forEach(child ->
                threads.putAll(of(Path.of("/proc", String.valueOf(child.pid()), "task")).threads()));
        return new ThreadCpu(threads);
    }

    private static ThreadCpu of(Path taskDirectory) {
        Map<Integer, Thread> threads = new HashMap<>();
        if (!Files.isDirectory(taskDirectory)) {
            return new ThreadCpu(threads);
        }
        try (Stream<Path> tasks = Files.list(taskDirectory)) {
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
        threads.forEach((tid, thread) ->
                seconds.merge(kindOf(thread.name), earlier.secondsSince(tid, thread), Double::sum));
        return seconds;
    }

    /**
     * Seconds of CPU of each thread of one kind since {@code earlier}, most first: whether one of the stream threads
     * sets the pace, which the sum by kind hides.
     */
    List<Double> eachOfKind(String kind, ThreadCpu earlier) {
        List<Double> seconds = new ArrayList<>();
        threads.forEach((tid, thread) -> {
            if (kindOf(thread.name).equals(kind)) {
                seconds.add(earlier.secondsSince(tid, thread));
            }
        });
        seconds.sort(Comparator.reverseOrder());
        return seconds;
    }

    /** The thread's CPU since this reading; a thread started since counts whole. */
    private double secondsSince(int tid, Thread thread) {
        Thread before = threads.get(tid);
        return (thread.ticks - (before != null && before.name.equals(thread.name) ? before.ticks : 0)) * SECONDS_PER_TICK;
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
        kinds.put(STREAM_THREADS, Pattern.compile(".*StreamThr.*|b[0-9a-f]{8}\\.enric.*"));
        kinds.put("producer senders", Pattern.compile("kafka-producer.*"));
        kinds.put("rocksdb", Pattern.compile("rocksdb.*"));
        kinds.put("gc", Pattern.compile("GC Thread.*|G1 .*|VM Periodic.*|VM Thread"));
        kinds.put(JIT, Pattern.compile("C[12] Compiler.*"));
        kinds.put("other", Pattern.compile(".*"));
        return kinds;
    }
}
