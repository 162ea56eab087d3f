package io.akhbar.enrich.tag;

import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {
    private static final Gazetteer BUNDLED = Gazetteer.bundled();
    private static final Tagger TAGGER = Tagger.withBundledData();
    private static final char FIRST_ARABIC_LETTER = '\u0621';

    static Stream<Spelling> plainSpellings() {
        return BUNDLED.spellings().stream().filter(spelling -> spelling.entity().isPresent() && !spelling.ambiguous());
    }

    static Stream<Spelling> ambiguousSpellings() {
        return BUNDLED.spellings().stream().filter(Spelling::ambiguous);
    }

    static Stream<Spelling> phrasesThatAreNotNames() {
        return BUNDLED.spellings().stream().filter(spelling -> spelling.entity().isEmpty());
    }

    private static List<String> entitiesIn(String text) {
        return TAGGER.tag("", List.of(text), null).entities().stream()
                .map(entity -> entity.getName() + " " + entity.getMentions())
                .toList();
    }

    private static String text(Spelling spelling) {
        return String.join(" ", spelling.words());
    }

    /** Every spelling must survive its neighbours: none may be shadowed by a longer or a proclitic reading. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainSpellings")
    void everyPlainSpellingNamesItsEntity(Spelling spelling) {
        String name = spelling.entity().orElseThrow().name();
        assertThat(entitiesIn("قال " + text(spelling) + " أمس")).containsExactly(name + " 1");
        String firstWord = spelling.words().get(0);
        // A proclitic is not read off a one-letter word (أ ف ب) nor off Latin script.
        if (firstWord.length() > 1 && firstWord.charAt(0) >= FIRST_ARABIC_LETTER) {
            assertThat(entitiesIn("قال و" + text(spelling) + " أمس")).containsExactly(name + " 1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousSpellings")
    void everyAmbiguousSpellingNeedsTheEntityNamedPlainly(Spelling spelling) {
        KnownEntity entity = spelling.entity().orElseThrow();
        Spelling plain = plainSpellings()
                .filter(candidate -> candidate.entity().orElseThrow().equals(entity))
                .findFirst()
                .orElseThrow(() -> new AssertionError(entity.name() + " has no unambiguous spelling"));

        assertThat(entitiesIn("قال " + text(spelling) + " أمس")).isEmpty();
        assertThat(entitiesIn(text(plain) + ". قال " + text(spelling) + " أمس")).containsExactly(entity.name() + " 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasesThatAreNotNames")
    void phrasesThatAreNotNamesHideTheNamesInside(Spelling spelling) {
        assertThat(entitiesIn("قال " + text(spelling) + " أمس")).isEmpty();
    }

    @Test
    void holdsSeveralHundredEntitiesOfEachKind() {
        Map<EntityType, Long> entitiesByType = BUNDLED.spellings().stream()
                .map(Spelling::entity)
                .flatMap(Optional::stream)
                .distinct()
                .collect(Collectors.groupingBy(KnownEntity::type, Collectors.counting()));

        assertThat(entitiesByType.get(EntityType.PERSON)).isGreaterThanOrEqualTo(150);
        assertThat(entitiesByType.get(EntityType.PLACE)).isGreaterThanOrEqualTo(150);
        assertThat(entitiesByType.get(EntityType.ORGANIZATION)).isGreaterThanOrEqualTo(80);
        assertThat(BUNDLED.spellings()).hasSizeGreaterThan(1000);
    }

    @Test
    void coversTheFourteenSyrianGovernoratesAndTheRegion() {
        Set<String> names = BUNDLED.spellings().stream()
                .map(Spelling::entity)
                .flatMap(Optional::stream)
                .map(KnownEntity::name)
                .collect(Collectors.toSet());

        assertThat(names).contains(
                "دمشق", "ريف دمشق", "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "الرقة", "دير الزور", "الحسكة",
                "درعا", "السويداء", "القنيطرة");
        assertThat(names).contains(
                "سوريا", "تركيا", "روسيا", "إيران", "العراق", "لبنان", "الأردن", "إسرائيل", "فلسطين", "مصر", "السعودية",
                "الإمارات", "قطر", "الكويت", "البحرين", "سلطنة عمان", "اليمن", "ليبيا", "أوكرانيا", "الولايات المتحدة",
                "الصين", "فرنسا", "بريطانيا", "ألمانيا");
    }

    @Test
    void aFileFromConfigurationAddsEntitiesAndWinsOverTheBundledSpellings(@TempDir Path directory) throws IOException {
        Path extra = directory.resolve("extra-gazetteer.tsv");
        Files.writeString(extra, """
                # local additions
                PERSON\tمحمد الجاسم\tأبو عمشة
                NOT_A_NAME\tالأسد
                PERSON\tسيرغي شويغو الثاني\tشويغو
                """, StandardCharsets.UTF_8);
        Tagger tagger = Tagger.withBundledDataAnd(extra);

        List<Entity> entities = tagger.tag("", List.of("قال أبو عمشة إن نظام الأسد. والأسد. وشويغو"), null).entities();

        assertThat(entities).extracting(entity -> entity.getName() + " " + entity.getMentions())
                .containsExactly("بشار الأسد 1", "سيرغي شويغو الثاني 1", "محمد الجاسم 1");
        assertThat(TAGGER.tag("", List.of("قال أبو عمشة"), null).entities()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            PERSON\\tأحمد\\tمحمد\\tعلي              | expected type, name and variants
            PEOPLE\\tأحمد                            | unknown type PEOPLE
            PERSON\\tواحد اثنان ثلاثة أربعة خمسة ستة| more than 5 words
            PERSON\\t!!!                             | has no words
            PERSON\\tبوتين\\nPLACE\\tبوتين          | 'بوتين' is already spelt for PERSON بوتين, not PLACE بوتين
            PERSON\\tالأسد\\nPERSON\\t?الأسد        | already spelt for PERSON الأسد, not PERSON الأسد (ambiguous)
            """)
    void rejectsMistakesInTheDataWithTheLineToFix(String file, String message) throws IOException {
        List<DataFile.Line> lines = DataFile.parse(
                new BufferedReader(new StringReader("# header\n" + file.translateEscapes())), "test.tsv");

        assertThatThrownBy(() -> Gazetteer.parse(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.tsv:" + (1 + file.translateEscapes().lines().count()))
                .hasMessageContaining(message);
    }

    @Test
    void canonicalNamesAreWrittenWithoutTheAmbiguityMark() {
        Map<String, KnownEntity> byName = BUNDLED.spellings().stream()
                .map(Spelling::entity)
                .flatMap(Optional::stream)
                .distinct()
                .collect(Collectors.toMap(KnownEntity::name, Function.identity()));

        assertThat(byName).doesNotContainKeys("?الباب").containsKeys("الباب", "عمّان", "تدمر");
    }
}
