package io.akhbar.ingest.discover;

import crawlercommons.filters.basic.BasicURLNormalizer;
import io.akhbar.ingest.fetch.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives every URL of an article one spelling, so that it gets one key however it was linked: scheme and host in
 * lower case (internationalised hosts in punycode), default port, dot segments, percent-escapes and fragment
 * normalised by crawler-commons; tracking parameters removed and the remaining parameters sorted by name.
 *
 * <p>The query is handled here rather than by crawler-commons 1.4, whose query normalisation mangles a URL when
 * unescaping changes the length of its path ({@code /%7Ea?z=1&b=2} comes out as {@code /~a?z?1&b=2}).
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "_ga", "ref", "ref_src");
    private static final String TRACKING_PREFIX = "utm_";
    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
            .idnNormalization(BasicURLNormalizer.IdnNormalization.PUNYCODE)
            .build();

    /** The canonical form of an absolute http(s) URL, or empty when it is not one. */
    public Optional<String> canonicalize(String url) {
        String trimmed = url.trim();
        int hash = trimmed.indexOf('#');
        String withoutFragment = hash < 0 ? trimmed : trimmed.substring(0, hash);
        int questionMark = withoutFragment.indexOf('?');
        String beforeQuery = questionMark < 0 ? withoutFragment : withoutFragment.substring(0, questionMark);
        String query = questionMark < 0 ? "" : withoutFragment.substring(questionMark + 1);

        String normalized = normalizer.filter(beforeQuery);
        if (normalized == null || !hasHttpSchemeAndHost(normalized)) {
            return Optional.empty();
        }
        String canonicalQuery = canonicalQuery(query);
        return Optional.of(canonicalQuery.isEmpty() ? normalized : normalized + "?" + canonicalQuery);
    }

    private static boolean hasHttpSchemeAndHost(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String canonicalQuery(String query) {
        return Arrays.stream(query.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .map(UrlCanonicalizer::normalizeEscapes)
                .filter(parameter -> !isTracking(nameOf(parameter)))
                // A stable sort, so that repeated parameters keep their relative order, which can matter.
                .sorted(Comparator.comparing(UrlCanonicalizer::nameOf))
                .collect(Collectors.joining("&"));
    }

    private static String nameOf(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    private static boolean isTracking(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return lowerCase.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(lowerCase);
    }

    /** Escapes what must be escaped, unescapes what never needs to be, and writes escapes in upper case. */
    private static String normalizeEscapes(String parameter) {
        String escaped = Urls.escapeIllegalCharacters(parameter);
        StringBuilder normalized = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                char decoded = (char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16);
                if (UNRESERVED.indexOf(decoded) >= 0) {
                    normalized.append(decoded);
                } else {
                    normalized.append('%').append(escaped.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                normalized.append(c);
            }
        }
        return normalized.toString();
    }
}
