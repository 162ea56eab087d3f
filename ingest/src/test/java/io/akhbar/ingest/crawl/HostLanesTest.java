package io.akhbar.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.akhbar.ingest.discover.DiscoveredUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostLanesTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static DiscoveredUrl url(String host, int n) {
        return new DiscoveredUrl("https://" + host + "/" + n, "s", Optional.empty());
    }

    @Test
    void oneUrlOfAHostAtATimeInOrderWhileHostsRunSideBySide() throws Exception {
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        List<String> worked = new CopyOnWriteArrayList<>();
        AtomicInteger overlaps = new AtomicInteger();
        HostLanes lanes = new HostLanes(pool, url -> {
            String host = HostLanes.hostOf(url.url());
            if (running.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            Thread.sleep(2);
            worked.add(url.url());
            running.get(host).decrementAndGet();
            return true;
        });
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            for (String host : List.of("a.example", "b.example", "c.example")) {
                lanes.submit(url(host, i), done::incrementAndGet);
            }
        }

        assertThat(lanes.awaitIdle(host -> true, Duration.ofSeconds(10))).isTrue();
        assertThat(done).hasValue(60);
        assertThat(overlaps).hasValue(0);
        assertThat(worked.stream().filter(u -> u.contains("a.example")).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20)
                        .mapToObj(i -> "https://a.example/" + i).toList());
        assertThat(lanes.size()).isZero();
    }

    @Test
    void droppingAHostForgetsWhatIsQueuedAndWaitingCoversWhatIsInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> worked = new CopyOnWriteArrayList<>();
        HostLanes lanes = new HostLanes(pool, url -> {
            if (url.url().endsWith("/0")) {
                started.countDown();
                release.await();
            }
            worked.add(url.url());
            return true;
        });
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            lanes.submit(url("a.example", i), done::incrementAndGet);
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        lanes.drop(host -> host.equals("a.example"));
        assertThat(lanes.awaitIdle(host -> host.equals("a.example"), Duration.ofMillis(50)))
                .as("the fetch in flight is still running").isFalse();
        release.countDown();

        assertThat(lanes.awaitIdle(host -> host.equals("a.example"), Duration.ofSeconds(5))).isTrue();
        assertThat(worked).containsExactly("https://a.example/0");
        assertThat(done).hasValue(1);
    }

    @Test
    void aVisitorCountsAsInFlightAndIsRefusedOnceItsHostIsNoLongerAllowed() throws Exception {
        HostLanes lanes = new HostLanes(pool, url -> true);

        assertThat(lanes.enter("A.example", () -> true)).isTrue();
        assertThat(lanes.awaitIdle(host -> host.equals("a.example"), Duration.ofMillis(20))).isFalse();
        lanes.leave("A.example");
        assertThat(lanes.awaitIdle(host -> true, Duration.ofSeconds(1))).isTrue();
        assertThat(lanes.enter("a.example", () -> false)).isFalse();
        assertThat(lanes.awaitIdle(host -> true, Duration.ofMillis(1))).isTrue();
    }

    @Test
    void urlsLeftAloneWhileClosingAreNotReportedDone() throws Exception {
        HostLanes lanes = new HostLanes(pool, url -> false);
        AtomicInteger done = new AtomicInteger();
        lanes.submit(url("a.example", 1), done::incrementAndGet);

        assertThat(lanes.awaitIdle(host -> true, Duration.ofSeconds(5))).isTrue();
        assertThat(done).hasValue(0);
    }
}
