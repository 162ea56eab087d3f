package io.akhbar.enrich.dedup;

import io.akhbar.enrich.StoryFixtures;
import io.akhbar.text.ArabicNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MinHasherTest {
    private final MinHasher hasher = new MinHasher(100, 3);

    @Test
    void identicalTextsHaveIdenticalSignatures() {
        List<String> tokens = tokens(0);
        assertThat(hasher.signature(tokens)).isEqualTo(new MinHasher(100, 3).signature(new ArrayList<>(tokens)));
    }

    @Test
    void estimatedSimilarityTracksTheTrueJaccardOfShingles() {
        List<String> a = tokens(0);
        List<String> b = new ArrayList<>(a.subList(0, a.size() * 3 / 4));
        double estimated = MinHasher.similarity(hasher.signature(a), hasher.signature(b));
        assertThat(estimated).isCloseTo(0.75, within(0.15));
    }

    @Test
    void differentStoriesOnTheSameSubjectAreFarApart() {
        for (int i = 0; i < StoryFixtures.SEEDS; i++) {
            for (int j = i + 1; j < StoryFixtures.SEEDS; j++) {
                double s = MinHasher.similarity(hasher.signature(tokens(i)), hasher.signature(tokens(j)));
                assertThat(s).as("seed %d vs seed %d", i, j).isLessThan(0.15);
            }
        }
    }

    @Test
    void bandingMakesCloseTextsLikelyCandidatesAndDistantOnesUnlikely() {
        LshBands lsh = new LshBands(20, 5);
        assertThat(lsh.candidateProbability(0.8)).isGreaterThan(0.99);
        assertThat(lsh.candidateProbability(0.2)).isLessThan(0.01);
        assertThat(lsh.bandHashes(hasher.signature(tokens(1)))).hasSize(20).doesNotHaveDuplicates();
    }

    /** A short text leaves most bins empty; each borrows a value the text has, the same way in every text. */
    @Test
    void aTextShorterThanTheSignatureFillsEveryPositionWithItsOwnValues() {
        List<String> fiveWords = tokens(2).subList(0, 5);
        int[] signature = hasher.signature(fiveWords);
        int[] again = hasher.signature(new ArrayList<>(fiveWords));

        assertThat(signature).hasSize(100).isEqualTo(again);
        assertThat(java.util.Arrays.stream(signature).distinct().count()).isBetween(1L, 3L);
        assertThat(MinHasher.similarity(signature, hasher.signature(tokens(3).subList(0, 5)))).isLessThan(0.5);
    }

    private static List<String> tokens(int seed) {
        return StoryFixtures.seed(seed).paragraphs().stream().flatMap(p -> ArabicNormalizer.tokens(p).stream()).toList();
    }

    @Test
    void sketchesEstimateTheSameSimilarityAsFullSignatures() {
        int[] a = hasher.signature(tokens(0));
        int[] b = hasher.signature(tokens(0).subList(0, tokens(0).size() * 2 / 3));
        assertThat(MinHasher.sketchSimilarity(MinHasher.sketch(a), MinHasher.sketch(b)))
                .isCloseTo(MinHasher.similarity(a, b), within(0.03));
        assertThat(MinHasher.decode(MinHasher.encode(a))).isEqualTo(a);
    }
}
