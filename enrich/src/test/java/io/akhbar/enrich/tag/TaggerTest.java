package io.akhbar.enrich.tag;

import io.akhbar.text.ArabicNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaggerTest {
    private static final Tagger TAGGER = Tagger.withBundledData();

    /**
     * The digest of the bundled data that {@link Tagger#VERSION} was set for. When this test fails, the data changed:
     * bump VERSION so that re-tagged articles are visibly newer, and record the new digest here.
     */
    private static final String DATA_DIGEST_OF_VERSION_6 =
            "700e8d291c7486e06c7acaab1e364e451232b0c936672eaa6befcd14c1179d9d";

    @Test
    void bundledDataIsLoadedOnce() {
        assertThat(Tagger.withBundledData()).isSameAs(TAGGER);
    }

    @Test
    void versionChangesWithTheBundledData() throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : List.of("gazetteer.tsv", "topics.tsv")) {
            for (DataFile.Line line : DataFile.readResource(file)) {
                digest.update(String.join("\t", line.columns()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
        }

        assertThat(Tagger.VERSION).isEqualTo(6);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(DATA_DIGEST_OF_VERSION_6);
    }

    @Test
    void wordCountIsTheBodyCountedAsTheNormaliserCountsWords() {
        List<String> body = List.of(
                "أجرى الرئيسان “أردوغان” و”بوتين” اتصالاً هاتفياً، أمس.",
                "منـ.ـع التصـ.ـعيد في إدلب (شمال غرب سوريا).");

        Tags tags = TAGGER.tag("عنوان من ثلاث كلمات", body, null);

        int expected = body.stream().mapToInt(paragraph -> ArabicNormalizer.tokens(paragraph).size()).sum();
        assertThat(tags.wordCount()).isEqualTo(expected).isEqualTo(15);
    }

    @Test
    void theTitleCountsForEntitiesButNotForLength() {
        Tags tags = TAGGER.tag("أردوغان يهاتف بوتين", List.of(), null);

        assertThat(tags.entities()).extracting(entity -> entity.getName())
                .containsExactly("رجب طيب أردوغان", "فلاديمير بوتين");
        assertThat(tags.wordCount()).isZero();
    }

    @Test
    void missingPartsGiveEmptyTags() {
        Tags tags = TAGGER.tag(null, null, null);

        assertThat(tags).isEqualTo(new Tags(List.of(), List.of(), "und", 0));
    }

    @Test
    void sameTextSameTags() {
        List<String> body = List.of("بحث أردوغان وبوتين الوضع في إدلب وقره باغ وحجم التجارة والطاقة.");

        assertThat(TAGGER.tag("مباحثات", body, "ar")).isEqualTo(TAGGER.tag("مباحثات", body, "ar"));
    }

    @Test
    void anUnreadableConfiguredGazetteerFailsAtStartWithItsPath() {
        Path missing = Path.of("no-such-gazetteer.tsv");

        assertThatThrownBy(() -> Tagger.withBundledDataAnd(missing)).hasMessageContaining("no-such-gazetteer.tsv");
    }
}
