package io.akhbar.enrich.tag;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {
    @ParameterizedTest(name = "{0} (hint {1}) -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            بحث أردوغان وبوتين الوضع في إدلب               | null  | ar
            بحث أردوغان وبوتين الوضع في إدلب               | en    | ar
            قال Erdogan إن الوضع في إدلب خطير               | fr    | ar
            Erdogan and Putin discussed Idlib               | en    | en
            Erdogan and Putin discussed Idlib with بوتين    | en-GB | en-GB
            Erdogan and Putin discussed Idlib               | null  | und
            Erdogan and Putin discussed Idlib               | '  '  | und
            2024 - 10 - 14                                  | ar    | ar
            2024 - 10 - 14                                  | null  | und
            """)
    void arabicIsRecognisedFromTheLettersAndAnythingElseTakenFromTheHint(String text, String hint, String lang) {
        assertThat(Language.of("", List.of(text), hint)).isEqualTo(lang);
    }
}
