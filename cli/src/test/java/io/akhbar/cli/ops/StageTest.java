package io.akhbar.cli.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageTest {
    @Test
    void stagesAreNamedAsDeadLettersNameThem() {
        assertThat(Stage.of("enrich")).isEqualTo(Stage.ENRICH);
        assertThat(Stage.of("SINK")).isEqualTo(Stage.SINK);
        assertThatThrownBy(() -> Stage.of("crawl")).hasMessageContaining("extract, enrich, sink");
    }
}
