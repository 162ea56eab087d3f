package io.akhbar.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrichSettingsTest {

    @ParameterizedTest(name = "window {0}, retention {1}: slots of {2}")
    @CsvSource({
            "P7D, P3650D, P56D",
            "P7D, P60D, P14D",
            "P7D, P21D, P7D",
            "P7D, P30D, P7D",
            "P1D, P30D, P8D",
            "PT36H, P365D, PT288H",
    })
    void aBandSlotSpansUpToEightWindowsAndAtMostAThirdOfTheRetention(Duration window, Duration retention,
                                                                     Duration slot) {
        EnrichSettings settings = EnrichSettings.defaults().withWindowAndRetention(window, retention).validate();
        assertThat(settings.bandSlot()).isEqualTo(slot);
    }

    @Test
    void theBandsMustFitInTheSignature() {
        EnrichSettings d = EnrichSettings.defaults();
        EnrichSettings tooShort = new EnrichSettings(d.applicationId(), 20, 5, 64, d.shingleSize(),
                d.similarityThreshold(), d.window(), d.bandRetention(), d.maxBandMembers(), d.stateDir(), null,
                d.streamThreads());
        assertThatThrownBy(tooShort::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrich.signatureLength (64) must be at least enrich.bands × enrich.rowsPerBand (100)");
    }

    @ParameterizedTest(name = "{0} threads, {1} + {2} partitions: {3} started")
    @CsvSource({"2, 3, 1, 2", "16, 3, 1, 4", "8, 12, 1, 8", "1, 3, 1, 1"})
    void noMoreStreamThreadsAreStartedThanThereAreTasks(int threads, int partitions, int bandPartitions, int started) {
        EnrichSettings d = EnrichSettings.defaults();
        EnrichSettings settings = new EnrichSettings(d.applicationId(), d.bands(), d.rowsPerBand(), d.signatureLength(),
                d.shingleSize(), d.similarityThreshold(), d.window(), d.bandRetention(), d.maxBandMembers(),
                d.stateDir(), null, threads).validate();
        assertThat(settings.streamThreadsFor(partitions, bandPartitions)).isEqualTo(started);
    }
}
