package io.akhbar.ingest.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    @Test
    void commitsUpToTheLowestEntryNotDoneAndOnlyWhenThatMoved() {
        PartitionProgress progress = new PartitionProgress();
        assertThat(progress.toCommit()).isEmpty();

        for (long offset = 10; offset < 15; offset++) {
            progress.dispatched(offset);
        }
        progress.done(11);
        progress.done(12);
        assertThat(progress.toCommit()).hasValue(10);

        progress.done(10);
        assertThat(progress.toCommit()).hasValue(13);
        progress.committed(13);
        assertThat(progress.toCommit()).isEmpty();

        progress.done(13);
        progress.done(14);
        assertThat(progress.toCommit()).hasValue(15);
        assertThat(progress.pending()).isZero();
    }
}
