package io.akhbar.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StateLayoutTest {
    private static final StateLayout DEFAULT = StateLayout.of(EnrichSettings.defaults(), 1);
    /** State built before signatures came from one-permutation hashing, whose buckets this version cannot find. */
    private static final String SIGNATURE_NOT_RECORDED =
            "MinHash signature scheme: not recorded in the state, one-permutation in this version";
    /** State built before the band-probes topic had partitions of its own: its buckets sit in other partitions. */
    private static final String BAND_PARTITIONS_NOT_RECORDED =
            "kafka.bandPartitions: not recorded in the state, 1 configured";

    @Test
    void isDescribedAsTheConfigurationIsWritten() {
        assertThat(DEFAULT.describe())
                .isEqualTo("bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D,"
                        + " signature=one-permutation, bandPartitions=1");
        assertThat(new StateLayout(20, 5, 3, Duration.ofHours(36), Duration.ofDays(30), Duration.ofHours(36), 4)
                .describe())
                .endsWith("window=PT36H, bandRetention=P30D, bandSlot=PT36H, signature=one-permutation, bandPartitions=4");
    }

    static Stream<Arguments> storedLayouts() {
        return Stream.of(
                Arguments.of(DEFAULT.describe(), List.of()),
                Arguments.of("bands=16, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D"
                                + ", signature=one-permutation, bandPartitions=1",
                        List.of("enrich.bands: 16 in the state, 10 configured")),
                Arguments.of("bands=10, rowsPerBand=4, shingleSize=2, window=P7D, bandRetention=P3650D, bandSlot=P56D"
                                + ", signature=one-permutation, bandPartitions=1",
                        List.of("enrich.rowsPerBand: 4 in the state, 3 configured",
                                "enrich.shingleSize: 2 in the state, 3 configured")),
                Arguments.of("bands=20, rowsPerBand=5, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D"
                                + ", signature=one-permutation, bandPartitions=1",
                        List.of("enrich.bands: 20 in the state, 10 configured",
                                "enrich.rowsPerBand: 5 in the state, 3 configured")),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P1D, bandRetention=P21D, bandSlot=P7D"
                                + ", signature=one-permutation, bandPartitions=1",
                        List.of("enrich.window: P1D in the state, P7D configured",
                                "enrich.bandRetention: P21D in the state, P3650D configured",
                                "band slot (follows from enrich.window and enrich.bandRetention): P7D in the state,"
                                        + " P56D in this version")),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P7D",
                        List.of("enrich.bandRetention: not recorded in the state, P3650D configured",
                                "band slot (follows from enrich.window and enrich.bandRetention): not recorded in the"
                                        + " state, P56D in this version", SIGNATURE_NOT_RECORDED,
                                BAND_PARTITIONS_NOT_RECORDED)),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D",
                        List.of("band slot (follows from enrich.window and enrich.bandRetention): not recorded in the"
                                + " state, P56D in this version", SIGNATURE_NOT_RECORDED, BAND_PARTITIONS_NOT_RECORDED)),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D",
                        List.of(SIGNATURE_NOT_RECORDED, BAND_PARTITIONS_NOT_RECORDED)),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D"
                                + ", signature=one-permutation",
                        List.of(BAND_PARTITIONS_NOT_RECORDED)),
                Arguments.of("bands=10, rowsPerBand=3, shingleSize=3, window=P7D, bandRetention=P3650D, bandSlot=P56D"
                                + ", signature=one-permutation, bandPartitions=3",
                        List.of("kafka.bandPartitions: 3 in the state, 1 configured")));
    }

    @ParameterizedTest
    @MethodSource("storedLayouts")
    void namesEverySettingThatDiffersFromTheStoredLayout(String stored, List<String> differences) {
        assertThat(DEFAULT.differencesFrom(stored)).containsExactlyElementsOf(differences);
    }
}
