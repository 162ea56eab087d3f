package io.akhbar.ingest.extract;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page's characters as the parser should see them: without what the extractor never reads, namely scripts
 * (JSON-LD excepted), style sheets, inline SVG drawings and comments. They are over half the characters of a
 * typical news page, and building them into the DOM costs more than skipping them here, where no copy of the page is made.
 *
 * <p>The scan jumps from one {@code <} to the next, so that it does not cost a parse of its own: a {@code <script}
 * counts only outside any tag (a quoted attribute value may hold one), a script or style element ends at its end
 * tag, a comment at {@code -->} or {@code --!>}. Where the HTML tokeniser skips more (a script that writes
 * {@code "<script>...</script>"} inside an HTML comment), this skips less, and the parser skips the rest as usual.
 *
 * <p>From bytes, the stretches are found before decoding where the charset allows, so that only what the parser
 * will see is decoded: decoding the whole page would cost as much as the extraction proper.
 */
final class PageReader extends Reader {
    private static final String SCRIPT = "script";
    private static final String STYLE = "style";
    private static final String SVG = "svg";
    private static final String JSON_LD = "ld+json";
    private static final String COMMENT = "<!--";

    /** Markup characters in the same bytes as in ASCII, as every charset whose pages can be cut as bytes has them. */
    private static final String MARKUP_CHARACTERS = "<!-->/ scriptSCRIPTstyleSTYLEsvgSVGld+json\t\n\r\f";

    private final String html;
    private int pos;
    /** The next stretch to skip, {@code [cutStart, cutEnd)}; both at the end when there is none. */
    private int cutStart;
    private int cutEnd;

    PageReader(String html) {
        this.html = html;
        findCut(0);
    }

    /**
     * A fetched page, decoded as {@link PageDecoder#decode} does (a UTF-8 declaration that the bytes contradict is
     * ignored there too), without what the extractor never reads. An undeclared page is UTF-8 unless the bytes left
     * after the cut cannot be.
     */
    static Reader of(byte[] body, String contentTypeHeader) {
        Charset charset = PageDecoder.declaredCharset(body, contentTypeHeader);
        if (PageDecoder.hasByteOrderMark(body) || charset != null && !sameMarkupBytesAsAscii(charset)) {
            return new PageReader(PageDecoder.decode(body, contentTypeHeader));
        }
        // Each byte as one char: positions in this string are positions in the body.
        PageReader cuts = new PageReader(new String(body, StandardCharsets.ISO_8859_1));
        byte[] kept = new byte[body.length];
        int length = 0;
        while (cuts.pos < body.length) {
            if (cuts.pos == cuts.cutStart) {
                cuts.pos = cuts.cutEnd;
                cuts.findCut(cuts.cutEnd);
                continue;
            }
            int end = Math.min(cuts.cutStart, body.length);
            System.arraycopy(body, cuts.pos, kept, length, end - cuts.pos);
            length += end - cuts.pos;
            cuts.pos = end;
        }
        byte[] text = Arrays.copyOf(kept, length);
        return new StringReader(charset == null ? PageDecoder.decodeUndeclared(text)
                : PageDecoder.decodeDeclared(text, charset));
    }

    /** UTF-8 and the single-byte charsets that extend ASCII; not UTF-16, nor EBCDIC, nor shift sequences. */
    private static boolean sameMarkupBytesAsAscii(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1
                && Arrays.equals(MARKUP_CHARACTERS.getBytes(charset),
                MARKUP_CHARACTERS.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == cutStart && cutStart < html.length()) {
            pos = cutEnd;
            findCut(cutEnd);
        }
        if (pos >= html.length()) {
            return -1;
        }
        int n = Math.min(len, cutStart - pos);
        html.getChars(pos, pos + n, buf, off);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        // Nothing to release: the page is a string.
    }

    private void findCut(int from) {
        int n = html.length();
        int i = from;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            int end = cutAt(lt);
            if (end >= 0) {
                cutStart = lt;
                cutEnd = end;
                return;
            }
            i = lt + 1;
        }
        cutStart = n;
        cutEnd = n;
    }

    /** Where the skipped stretch that starts at {@code lt} ends, or -1 when the parser should see it. */
    private int cutAt(int lt) {
        char next = html.charAt(lt + 1);
        if (next == '!' && html.startsWith(COMMENT, lt)) {
            return commentEnd(lt + COMMENT.length());
        }
        if (next != 's' && next != 'S') {
            return -1;
        }
        String name = startTagName(lt + 1, SCRIPT) ? SCRIPT : startTagName(lt + 1, STYLE) ? STYLE
                : startTagName(lt + 1, SVG) ? SVG : null;
        if (name == null || insideTag(lt)) {
            return -1;
        }
        int contentStart = tagEnd(lt + 1 + name.length());
        if (name.equals(SVG)) {
            return svgEnd(contentStart);
        }
        if (name.equals(SCRIPT) && containsIgnoreCase(lt, contentStart, JSON_LD)) {
            return -1;
        }
        return endTagEnd(contentStart, name);
    }

    /** Whether a tag named {@code name} (any case) starts at {@code at}, its name ended by space, '/' or '>'. */
    private boolean startTagName(int at, String name) {
        int end = at + name.length();
        return html.regionMatches(true, at, name, 0, name.length())
                && (end >= html.length() || endsTagName(html.charAt(end)));
    }

    /** Whether {@code lt} sits between another tag's {@code <} and its {@code >}, in an attribute value. */
    private boolean insideTag(int lt) {
        return html.lastIndexOf('<', lt - 1) > html.lastIndexOf('>', lt - 1);
    }

    private int tagEnd(int from) {
        int gt = html.indexOf('>', from);
        return gt < 0 ? html.length() : gt + 1;
    }

    /** Index after the end tag of a script or style whose content starts at {@code from}; the end if it has none. */
    private int endTagEnd(int from, String name) {
        for (int lt = html.indexOf("</", from); lt >= 0; lt = html.indexOf("</", lt + 2)) {
            if (startTagName(lt + 2, name)) {
                return tagEnd(lt + 2 + name.length());
            }
        }
        return html.length();
    }

    /**
     * Index after the end tag of an inline SVG image whose start tag ends just before {@code from}: drawings nest
     * {@code <svg>} elements, and a self-closed {@code <svg/>} has no end tag.
     */
    private int svgEnd(int from) {
        if (html.charAt(from - 2) == '/') {
            return from;
        }
        int depth = 1;
        for (int lt = html.indexOf('<', from); lt >= 0 && lt + 1 < html.length(); lt = html.indexOf('<', lt + 1)) {
            if (startTagName(lt + 1, SVG)) {
                int end = tagEnd(lt + 1 + SVG.length());
                if (html.charAt(end - 2) != '/') {
                    depth++;
                }
            } else if (html.charAt(lt + 1) == '/' && startTagName(lt + 2, SVG) && --depth == 0) {
                return tagEnd(lt + 2 + SVG.length());
            }
        }
        return html.length();
    }

    /** Index after a comment whose text starts at {@code from}: {@code <!-->} and {@code <!--->} are empty ones. */
    private int commentEnd(int from) {
        if (html.startsWith(">", from)) {
            return from + 1;
        }
        if (html.startsWith("->", from)) {
            return from + 2;
        }
        int end = html.indexOf("-->", from);
        int limit = end < 0 ? html.length() : end;
        // Looked for only up to "-->": searching the rest of the page after every comment would be slow.
        for (int j = from; j < limit; j++) {
            if (html.charAt(j) == '-' && html.startsWith("--!>", j)) {
                return j + 4;
            }
        }
        return end < 0 ? html.length() : end + 3;
    }

    private boolean containsIgnoreCase(int from, int to, String needle) {
        for (int j = from; j + needle.length() <= to; j++) {
            if (html.regionMatches(true, j, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsTagName(char c) {
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
