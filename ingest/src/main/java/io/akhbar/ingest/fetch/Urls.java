package io.akhbar.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Turns the URLs found in the wild (raw Arabic letters, spaces, fragments) into URIs the HTTP client accepts. */
public final class Urls {
    private static final String LEGAL_ASCII =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {
    }

    /**
     * Percent-encodes, as UTF-8, every character a URI may not contain, and a {@code %} that starts no escape;
     * existing escapes and reserved characters are left as they are, so that the URL keeps its meaning.
     */
    public static String escapeIllegalCharacters(String url) {
        StringBuilder escaped = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%') {
                escaped.append(isEscape(url, i) ? "%" : "%25");
            } else if (c < 0x80 && LEGAL_ASCII.indexOf(c) >= 0) {
                escaped.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
                for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
                i = end - 1;
            }
        }
        return escaped.toString();
    }

    private static boolean isEscape(String s, int percentAt) {
        return percentAt + 2 < s.length()
                && Character.digit(s.charAt(percentAt + 1), 16) >= 0
                && Character.digit(s.charAt(percentAt + 2), 16) >= 0;
    }

    /** Parses a URL as found in a page or header, without its fragment, which never reaches the server. */
    static URI parse(String url) throws URISyntaxException {
        return new URI(escapeIllegalCharacters(withoutFragment(url.trim())));
    }

    /** Resolves a Location header against the URL that sent it. */
    static URI resolve(URI base, String location) throws URISyntaxException {
        // URI.resolve mishandles a base with an empty path ("http://a.b" + "c" gives "http://a.bc").
        URI rootedBase = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return rootedBase.resolve(parse(location));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
