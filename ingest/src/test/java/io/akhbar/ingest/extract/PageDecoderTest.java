package io.akhbar.ingest.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageDecoderTest {
    private static final String ARABIC = "منع التصعيد في إدلب، وفق البيان";
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    private static byte[] page(String head, Charset charset) {
        return ("<html><head>" + head + "</head><body><p>" + ARABIC + "</p></body></html>").getBytes(charset);
    }

    @Test
    void readsWindows1256FromHttpEquivMeta() {
        byte[] body = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">", WINDOWS_1256);
        assertThat(PageDecoder.decode(body, null)).contains(ARABIC);
    }

    @Test
    void readsWindows1256FromTheHttpHeader() {
        assertThat(PageDecoder.decode(page("", WINDOWS_1256), "text/html; charset=windows-1256")).contains(ARABIC);
    }

    @Test
    void readsIso88596FromTheHttpHeaderAndFromMeta() {
        assertThat(PageDecoder.decode(page("", ISO_8859_6), "text/html;charset=\"ISO-8859-6\"")).contains(ARABIC);
        assertThat(PageDecoder.decode(page("<meta charset=iso-8859-6>", ISO_8859_6), null)).contains(ARABIC);
    }

    @Test
    void readsHtml5MetaCharset() {
        assertThat(PageDecoder.decode(page("<meta charset=\"cp1256\">", WINDOWS_1256), "text/html")).contains(ARABIC);
    }

    @Test
    void theHeaderOverridesMetaAndTheBomOverridesBoth() {
        byte[] utf8WithWrongMeta = page("<meta charset=\"windows-1256\">", StandardCharsets.UTF_8);
        assertThat(PageDecoder.decode(utf8WithWrongMeta, "text/html; charset=utf-8")).contains(ARABIC);

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = concat(bom, utf8WithWrongMeta);
        String decoded = PageDecoder.decode(withBom, "text/html; charset=windows-1256");
        assertThat(decoded).startsWith("<html>").contains(ARABIC);
    }

    @Test
    void readsUtf16ByItsByteOrderMark() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, page("", StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, page("", StandardCharsets.UTF_16BE));
        assertThat(PageDecoder.decode(le, null)).startsWith("<html>").contains(ARABIC);
        assertThat(PageDecoder.decode(be, null)).startsWith("<html>").contains(ARABIC);
    }

    @Test
    void defaultsToUtf8() {
        assertThat(PageDecoder.decode(page("", StandardCharsets.UTF_8), null)).contains(ARABIC);
    }

    @Test
    void undeclaredBytesThatCannotBeUtf8AreReadAsWindows1256() {
        assertThat(PageDecoder.decode(page("", WINDOWS_1256), null)).contains(ARABIC);
    }

    @Test
    void aUtf8DeclarationTheBytesContradictIsIgnoredButAFewStrayBytesAreNot() {
        byte[] legacy = page("<meta charset=\"utf-8\">", WINDOWS_1256);
        assertThat(PageDecoder.decode(legacy, "text/html; charset=utf-8")).contains(ARABIC).doesNotContain("\uFFFD");

        byte[] mostlyUtf8 = concat(page("", StandardCharsets.UTF_8), "\u0625\u0639\u0644\u0627\u0646".getBytes(WINDOWS_1256));
        assertThat(PageDecoder.decode(mostlyUtf8, "text/html; charset=utf-8")).contains(ARABIC).contains("\uFFFD");
    }

    @Test
    void malformedBytesAreReplacedNeverThrown() {
        byte[] broken = concat(page("<meta charset=utf-8>", StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        assertThat(PageDecoder.decode(broken, null)).contains(ARABIC).contains("\uFFFD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text/html; charset=no-such-charset
            text/html; charset=
            text/html
            """)
    void unusableLabelsFallThroughToTheNextSource(String header) {
        byte[] body = page("<meta charset=\"windows-1256\">", WINDOWS_1256);
        assertThat(PageDecoder.decode(body, header)).contains(ARABIC);
    }

    @Test
    void emptyInputIsEmptyText() {
        assertThat(PageDecoder.decode(new byte[0], null)).isEmpty();
        assertThat(PageDecoder.decode(null, "text/html")).isEmpty();
    }

    @Test
    void latin1LabelsMeanWindows1252AsInBrowsers() {
        byte[] body = "<meta charset=iso-8859-1><p>\u201Cquoted\u201D</p>".getBytes(Charset.forName("windows-1252"));
        assertThat(PageDecoder.decode(body, null)).contains("\u201Cquoted\u201D");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
