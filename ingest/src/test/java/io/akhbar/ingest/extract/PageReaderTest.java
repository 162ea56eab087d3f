package io.akhbar.ingest.extract;

import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;

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
