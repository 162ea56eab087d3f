package io.akhbar.cli.ops;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Where a replay starts: the earliest record the topics still hold, or the first record written at or after an
 * instant (records' Kafka timestamps, i.e. when they entered the topic, not when the articles were published).
 *
 * @param time the instant, or null for the earliest record
 */
public record ReplayFrom(Instant time) {
    public static final ReplayFrom EARLIEST = new ReplayFrom(null);

    public boolean earliest() {
        return time == null;
    }

    /**
     * {@code earliest}; an instant ({@code 2024-05-01T08:00:00Z}, or with an offset, {@code +03:00}); a date
     * ({@code 2024-05-01}, midnight UTC); or a duration back from now ({@code PT6H}, {@code P2D}).
     */
    public static ReplayFrom parse(String text, Clock clock) {
        String value = text.strip();
        if (value.equalsIgnoreCase("earliest")) {
            return EARLIEST;
        }
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
                return new ReplayFrom(clock.instant().minus(Duration.parse(value)));
            }
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return new ReplayFrom(clock.instant().atOffset(ZoneOffset.UTC).minus(Period.parse(value)).toInstant());
            }
            if (value.contains("T")) {
                return new ReplayFrom(OffsetDateTime.parse(value).toInstant());
            }
            return new ReplayFrom(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--from takes earliest, an instant (2024-05-01T08:00:00Z), a date"
                    + " (2024-05-01) or a duration back from now (PT6H, P2D); got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return earliest() ? "the earliest record" : time.toString();
    }
}
