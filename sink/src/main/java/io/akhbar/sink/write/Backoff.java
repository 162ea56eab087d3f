package io.akhbar.sink.write;

import java.time.Duration;

/**
 * Exponential backoff: {@code base}, {@code 2 × base}, {@code 4 × base}, ... never more than {@code max}. No jitter:
 * there is one writer per partition, so nothing to spread out, and the schedule stays predictable in logs.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
    }

    /** The wait before retry number {@code retry} (0 for the first). */
    public Duration delay(int retry) {
        if (retry < 0) {
            throw new IllegalArgumentException("retry must be >= 0, got " + retry);
        }
        try {
            Duration delay = base.multipliedBy(1L << Math.min(retry, 62));
            return delay.compareTo(max) > 0 ? max : delay;
        } catch (ArithmeticException overflow) {
            return max;
        }
    }
}
