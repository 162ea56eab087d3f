package io.akhbar.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gives up on a server that stops answering. A server that trickles its bytes or lets connections hang holds a
 * fetch thread for the whole request timeout, retries included, for every URL it has: hundreds of URLs would keep
 * a crawl pass waiting for hours. So after {@link #FAILURES_IN_A_ROW} fetches in a row got no answer, the server
 * (host and port) is left alone for a while, and fetches to it fail at once, as transient failures to be tried
 * again in a later pass. Any answer at all, even an error status, counts as health.
 */
final class HostHealth {
    static final int FAILURES_IN_A_ROW = 3;

    private final Duration pause;
    private final Clock clock;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    private record State(int failuresInARow, Instant leftAloneUntil) {
    }

    HostHealth(Duration pause, Clock clock) {
        this.pause = pause;
        this.clock = clock;
    }

    /** Until when the server is left alone, if it is now. */
    Optional<Instant> leftAloneUntil(String authority) {
        State state = states.get(key(authority));
        return state != null && state.leftAloneUntil() != null && clock.instant().isBefore(state.leftAloneUntil())
                ? Optional.of(state.leftAloneUntil())
                : Optional.empty();
    }

    /**
     * Records a fetch without an answer; returns until when the server is left alone if this failure began it. Once
     * the pause is over, one more failure is enough to begin another.
     */
    Optional<Instant> noAnswer(String authority) {
        Instant now = clock.instant();
        Instant[] began = new Instant[1];
        states.compute(key(authority), (key, old) -> {
            if (old != null && old.leftAloneUntil() != null && now.isBefore(old.leftAloneUntil())) {
                return old;
            }
            int failures = old == null ? 1 : old.failuresInARow() + 1;
            if (failures < FAILURES_IN_A_ROW) {
                return new State(failures, null);
            }
            began[0] = now.plus(pause);
            return new State(failures, began[0]);
        });
        return Optional.ofNullable(began[0]);
    }

    void answered(String authority) {
        states.remove(key(authority));
    }

    private static String key(String authority) {
        return authority.toLowerCase(Locale.ROOT);
    }
}
