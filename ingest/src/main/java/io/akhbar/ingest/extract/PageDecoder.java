package io.akhbar.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a fetched page into text. The charset comes from the byte order mark, then the HTTP header,
 * then a {@code <meta>} declaration near the top of the document, then UTF-8; labels are read the way browsers
 * read them (WHATWG), so a page that says "iso-8859-1" gets windows-1252 as it does in a browser.
 */
public final class PageDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    /** Browsers look for the declaration in the first 1024 bytes; real pages put it later, after long comments. */
    private static final int META_SCAN_BYTES = 8192;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.()+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.()+-]+)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Charset> LABELS = Map.ofEntries(
            Map.entry("utf8", StandardCharsets.UTF_8),
            Map.entry("unicode-1-1-utf-8", StandardCharsets.UTF_8),
            Map.entry("iso-8859-1", WINDOWS_1252),
            Map.entry("iso8859-1", WINDOWS_1252),
            Map.entry("latin1", WINDOWS_1252),
            Map.entry("l1", WINDOWS_1252),
            Map.entry("us-ascii", WINDOWS_1252),
            Map.entry("ascii", WINDOWS_1252),
            Map.entry("cp1252", WINDOWS_1252),
            Map.entry("cp1256", WINDOWS_1256),
            Map.entry("x-cp1256", WINDOWS_1256),
            Map.entry("windows1256", WINDOWS_1256),
            Map.entry("win-1256", WINDOWS_1256),
            Map.entry("arabic", ISO_8859_6),
            Map.entry("iso-8859-6-e", ISO_8859_6),
            Map.entry("iso-8859-6-i", ISO_8859_6),
            Map.entry("iso8859-6", ISO_8859_6),
            Map.entry("asmo-708", ISO_8859_6));

    private PageDecoder() {
    }

    public static String decode(byte[] body, String contentTypeHeader) {
        if (body == null || body.length == 0) {
            return "";
        }
        Bom bom = Bom.of(body);
        if (bom != null) {
            return new String(body, bom.length, body.length - bom.length, bom.charset);
        }
        Charset charset = declaredCharset(body, contentTypeHeader);
        if (charset != null) {
            return decodeDeclared(body, charset);
        }
        return decodeUndeclared(body);
    }

    static boolean hasByteOrderMark(byte[] body) {
        return Bom.of(body) != null;
    }

    /** The charset the header, or else a {@code <meta>} near the top, declares; null when neither does. */
    static Charset declaredCharset(byte[] body, String contentTypeHeader) {
        return fromHeader(contentTypeHeader).or(() -> fromMeta(body)).orElse(null);
    }

    /**
     * Servers and templates misdeclare: a windows-1256 page sent as UTF-8 would come out as nothing but replacement
     * characters. A UTF-8 declaration that most of the page's non-ASCII bytes contradict counts as no declaration;
     * a few stray bytes (a sidebar pasted from an older template) keep UTF-8 and lose only themselves.
     */
    static String decodeDeclared(byte[] body, Charset declared) {
        String text = new String(body, declared);
        if (declared.equals(StandardCharsets.UTF_8) && mostlyMalformed(text)) {
            return decodeUndeclared(body);
        }
        return text;
    }

    private static boolean mostlyMalformed(String text) {
        long nonAscii = 0;
        long replaced = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                replaced++;
            } else if (c >= 0x80) {
                nonAscii++;
            }
        }
        return replaced > nonAscii;
    }

    /**
     * Undeclared pages are UTF-8 unless their bytes cannot be UTF-8; the legacy fallback is windows-1256, which
     * covers old Arabic sites and keeps the accented Latin letters of windows-1252 where they were.
     */
    static String decodeUndeclared(byte[] body) {
        String utf8 = new String(body, StandardCharsets.UTF_8);
        if (utf8.indexOf('\uFFFD') < 0) {
            return utf8;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(body, WINDOWS_1256);
        }
    }

    static Optional<Charset> fromHeader(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentTypeHeader);
        return m.find() ? charsetFor(m.group(1)) : Optional.empty();
    }

    static Optional<Charset> fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Optional<Charset> charset = charsetFor(m.group(1));
            if (charset.isPresent()) {
                // A document that reached us as bytes and calls itself UTF-16 without a BOM is really ASCII-compatible.
                return charset.get().name().startsWith("UTF-16") ? Optional.of(StandardCharsets.UTF_8) : charset;
            }
        }
        return Optional.empty();
    }

    static Optional<Charset> charsetFor(String label) {
        String key = label.strip().toLowerCase(Locale.ROOT);
        Charset known = LABELS.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            return Charset.isSupported(key) ? Optional.of(Charset.forName(key)) : Optional.empty();
        } catch (IllegalArgumentException badName) {
            return Optional.empty();
        }
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }
    }
}
