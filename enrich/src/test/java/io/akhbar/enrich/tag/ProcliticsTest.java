package io.akhbar.enrich.tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProcliticsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            اردوغان    | اردوغان
            واردوغان   | واردوغان,اردوغان
            لبوتين     | لبوتين,بوتين
            بادلب      | بادلب,ادلب
            وبادلب     | وبادلب,بادلب,ادلب
            والكرملين  | والكرملين,الكرملين
            للامم      | للامم,لامم,الامم,اللامم
            للجنه      | للجنه,لجنه,الجنه,اللجنه
            وتل        | وتل,تل
            بيد        | بيد,يد
            وك         | وك
            """)
    void readsTheWordAsWrittenThenWithoutAProclitic(String word, String readings) {
        assertThat(Proclitics.readings(word)).extracting(Proclitics.Reading::word)
                .containsExactly(readings.split(","));
    }

    @Test
    void aShortRemainderMayOnlyStartANameOfSeveralWords() {
        Spelling telRifaat = new Spelling(List.of("تل", "رفعت"), Optional.empty(), false);
        Spelling oneWord = new Spelling(List.of("يد"), Optional.empty(), false);

        assertThat(new Proclitics.Reading("تل", true).mayStart(telRifaat)).isTrue();
        assertThat(new Proclitics.Reading("يد", true).mayStart(oneWord)).isFalse();
        assertThat(new Proclitics.Reading("يد", false).mayStart(oneWord)).isTrue();
        assertThat(new Proclitics.Reading("بوتين", true).mayStart(oneWord)).isTrue();
    }

    /** The recognizer finds a written word's readings through writtenFormsOf: it must name every written form. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            اردوغان
            الكرملين
            الامم
            اللجنه
            لبنان
            تل
            """)
    void everyWordThatReadsAsANameIsAWrittenFormOfIt(String name) {
        List<String> prefixes = List.of("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "لل", "ولل", "فلل");
        for (String prefix : prefixes) {
            for (int dropped = 0; dropped <= 3 && dropped < name.length(); dropped++) {
                String written = prefix + name.substring(dropped);
                for (Proclitics.Reading reading : Proclitics.readings(written)) {
                    assertThat(Proclitics.writtenFormsOf(reading.word())).as("%s read as %s", written, reading.word())
                            .contains(written);
                }
            }
        }
    }
}
