package io.akhbar.ingest.extract;

import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageReaderTest {

    private static String read(String html, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[chunk];
        try (Reader reader = new PageReader(html)) {
            for (int n = reader.read(buf, 0, chunk); n >= 0; n = reader.read(buf, 0, chunk)) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "script            | <p>a</p><script>var s = '<p>x</p>';</script><p>b</p>          | <p>a</p><p>b</p>",
            "upper-case script | <P>a</P><SCRIPT type=text/javascript>x()</SCRIPT ><P>b</P> | <P>a</P><P>b</P>",
            "style             | <style>p { color: red }</style><p>a</p>                      | <p>a</p>",
            "comment           | <p>a<!-- <p>hidden</p> -->b</p>                              | <p>ab</p>",
            "empty comments    | <p>a<!-->b<!--->c</p>                                        | <p>abc</p>",
            "bang comment end  | <p>a<!-- x --!>b</p>                                         | <p>ab</p>",
            "no end tag        | <p>a</p><script>never closed <p>b</p>                       | <p>a</p>",
            "script in a value | <a title=\"<script>\" href=/x>a</a><p>b</p>                 | <a title=\"<script>\" href=/x>a</a><p>b</p>",
            "not a script tag  | <scripted>a</scripted><styles>b</styles>                     | <scripted>a</scripted><styles>b</styles>",
            "end tag in string | <script>document.write('</scr' + 'ipt>')</script><p>a</p> | <p>a</p>",
            "svg               | <p>a<svg viewBox='0 0 9 9'><path d='M0 0'/></svg>b</p>         | <p>ab</p>",
            "nested svg        | <svg><svg><text>x</text></svg><text>y</text></svg><p>a</p>  | <p>a</p>",
            "self-closed svg   | <p>a<svg/>b</p><svg x='1' />c                                | <p>ab</p>c",
    })
    void leavesOutWhatTheExtractorNeverReads(String name, String html, String expected) throws IOException {
        assertThat(read(html, 8192)).isEqualTo(expected);
        assertThat(read(html, 3)).as("read in small chunks").isEqualTo(expected);
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[64];
        for (int n = reader.read(buf, 0, buf.length); n >= 0; n = reader.read(buf, 0, buf.length)) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "windows-1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE"})
    void cutsBytesBeforeDecodingThemAsTheirCharsetSays(String charsetName) throws IOException {
        Charset charset = Charset.forName(charsetName);
        String page = "<html><head><script>var s = '</p>';</script></head><body><p>منع التصعيد</p><!-- x --></body>"
                + "</html>";
        byte[] body = page.getBytes(charset);
        if (charsetName.startsWith("UTF-16")) {
            byte[] bom = charsetName.endsWith("LE") ? new byte[]{(byte) 0xFF, (byte) 0xFE}
                    : new byte[]{(byte) 0xFE, (byte) 0xFF};
            body = ByteBuffer.allocate(bom.length + body.length).put(bom).put(body).array();
        }
        assertThat(read(PageReader.of(body, "text/html; charset=" + charsetName)))
                .isEqualTo("<html><head></head><body><p>منع التصعيد</p></body></html>");
    }

    @Test
    void anUndeclaredPageIsUtf8WhenWhatIsLeftOfItIs() throws IOException {
        byte[] text = "<p>منع</p>".getBytes(StandardCharsets.UTF_8);
        byte[] script = {'<', 's', 'c', 'r', 'i', 'p', 't', '>', (byte) 0xE1, '<', '/', 's', 'c', 'r', 'i', 'p', 't', '>'};
        byte[] body = ByteBuffer.allocate(script.length + text.length).put(script).put(text).array();
        assertThat(read(PageReader.of(body, null))).isEqualTo("<p>منع</p>");
        byte[] legacy = "<p>منع</p>".getBytes(Charset.forName("windows-1256"));
        assertThat(read(PageReader.of(legacy, null))).isEqualTo("<p>منع</p>");
    }

    @Test
    void keepsJsonLd() throws IOException {
        String html = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
                + "<script type=\"application/json\">{}</script><p>a</p>";
        assertThat(read(html, 8192))
                .isEqualTo("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>a</p>");
    }

    @Test
    void givesTheParserTheSameDocumentLessWhatIsLeftOut() {
        String html = "<html><head><title>T</title><style>.x{}</style><script>1</script></head>"
                + "<body><!-- c --><div class=\"entry\"><p>one</p><script>2</script><p>two</p></div></body></html>";
        assertThat(Parser.htmlParser().parseInput(new PageReader(html), "").outerHtml())
                .isEqualTo(Parser.htmlParser().parseInput(
                        "<html><head><title>T</title></head><body><div class=\"entry\"><p>one</p><p>two</p></div>"
                                + "</body></html>", "").outerHtml());
    }
}
