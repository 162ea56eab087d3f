package io.akhbar.bench.enrich;

import sun.misc.Unsafe;

import java.lang.reflect.Field;

/**
 * What a page fault costs on this machine: a gigabyte of fresh memory (malloc'ed, so mapped but never touched) is
 * written one byte a page, then written again, three times. The first pass faults every page in; the second finds
 * them mapped, which is the comparison. With it, the page faults per article that {@link EnrichThroughputBenchmark}
 * counts ({@link PageFaults}) can be turned into time.
 *
 * <p>Arguments: {@code [megabytes]} (default 1024).
 */
public final class PageFaultCostBenchmark {
    private static final int PAGE = 4096;

    private PageFaultCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Unsafe unsafe = (Unsafe) field.get(null);
        for (int round = 1; round <= 3; round++) {
            long address = unsafe.allocateMemory(bytes);
            try {
                double fresh = nanosPerPage(unsafe, address, bytes, (byte) 1);
                double touched = nanosPerPage(unsafe, address, bytes, (byte) 2);
                System.out.printf("round %d: %,d pages; a fresh page %.2f µs, a page touched again %.3f µs%n",
                        round, bytes / PAGE, fresh / 1e3, touched / 1e3);
            } finally {
                unsafe.freeMemory(address);
            }
        }
    }

    private static double nanosPerPage(Unsafe unsafe, long address, long bytes, byte value) {
        long start = System.nanoTime();
        for (long offset = 0; offset < bytes; offset += PAGE) {
            unsafe.putByte(address + offset, value);
        }
        return (System.nanoTime() - start) / (double) (bytes / PAGE);
    }
}
