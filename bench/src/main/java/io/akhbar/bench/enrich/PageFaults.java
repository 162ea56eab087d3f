package io.akhbar.bench.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Minor page faults so far of this JVM, which runs the stream, and of its child processes (the broker), from Linux's
 * {@code /proc/PID/stat}; zero where there is none. A fault that brings in a fresh page costs about a hundred times
 * a write to a page already mapped ({@link PageFaultCostBenchmark}), so memory that a process frees and allocates
 * again (RocksDB's memtables, for one) is paid for again each time.
 */
record PageFaults(long stream, long broker) {

    static PageFaults now() {
        long children = ProcessHandle.current().descendants().mapToLong(child -> minorFaults(child.pid())).sum();
        return new PageFaults(minorFaults(ProcessHandle.current().pid()), children);
    }

    PageFaults minus(PageFaults earlier) {
        return new PageFaults(stream - earlier.stream, broker - earlier.broker);
    }

    /** Field 10 of the stat line, counted after the command name, which is in parentheses and may hold spaces. */
    private static long minorFaults(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
