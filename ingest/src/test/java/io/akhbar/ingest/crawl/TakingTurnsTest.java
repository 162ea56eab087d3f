package io.akhbar.ingest.crawl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TakingTurnsTest {
    @Test
    void takesOneOfEachInTurnAndKeepsEachListsOrder() {
        assertThat(TakingTurns.of(List.of(List.of("a1", "a2", "a3"), List.of("b1"), List.of(), List.of("c1", "c2"))))
                .containsExactly("a1", "b1", "c1", "a2", "c2", "a3");
    }

    @Test
    void nothingToTakeIsNothing() {
        assertThat(TakingTurns.of(List.<List<String>>of())).isEmpty();
    }
}
