package io.akhbar.enrich.dedup;

import io.akhbar.enrich.StoryFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fingerprints are stored with every article and compared with those of later crawls and other outlets, so their
 * value must never change: a change would make every stored article look edited on its next crawl.
 */
class FingerprintsTest {

    @Test
    void keepTheirValue() {
        StoryFixtures.Story seed = StoryFixtures.seed(0);
        assertThat(Fingerprints.of(seed.title(), seed.paragraphs()))
                .as("a change of the normaliser or the fingerprint changes this: stored articles would all look edited")
                .isEqualTo("12cf0e114bc939caa34784da7cbd1005");
        assertThat(Fingerprints.of(List.of("أردوغان", "يتصل", "ببوتين", "2024", "😀")))
                .isEqualTo("fe264ad68d8ffd342a55e85d7f3808bc");
    }

    @Test
    void seeTheSameTextBehindOtherSpellingsAndDiacritics() {
        assertThat(Fingerprints.of("أرْدوغان يتّصل", List.of("بِبوتين")))
                .isEqualTo(Fingerprints.of("اردوغان يتصل", List.of("ببوتين")));
    }
}
