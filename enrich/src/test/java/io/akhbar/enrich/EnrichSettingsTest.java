package io.akhbar.enrich;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
}
