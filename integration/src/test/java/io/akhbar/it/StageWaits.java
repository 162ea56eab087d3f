package io.akhbar.it;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.cli.ops.ConsumerLag;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Waiting for a stage to have consumed its input. */
final class StageWaits {
    /** A transactional producer leaves a commit marker after its last record: a lag of one can be just that. */
    private static final long MARKER_TOLERANCE = 1;

    private StageWaits() {
    }

    /** Waits until {@code group} has consumed {@code topics} and stayed so for {@code quiet}. */
    static void awaitConsumed(AkhbarConfig config, String group, List<String> topics, Duration quiet, Duration timeout) {
        try (Admin admin = Admin.create(config.kafka().clientConfig())) {
            long[] consumedSince = {-1};
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                long maxLag = ConsumerLag.of(admin, group, topics).stream()
                        .mapToLong(ConsumerLag.PartitionLag::lag).max().orElse(0);
                if (maxLag > MARKER_TOLERANCE) {
                    consumedSince[0] = -1;
                    return false;
                }
                if (consumedSince[0] < 0) {
                    consumedSince[0] = System.nanoTime();
                }
                return System.nanoTime() - consumedSince[0] >= quiet.toNanos();
            });
        }
    }
}
