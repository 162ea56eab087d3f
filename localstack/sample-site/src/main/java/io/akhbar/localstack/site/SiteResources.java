package io.akhbar.localstack.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outlets' files on the classpath, under {@code io/akhbar/localstack/site/<outlet>/}, turned into what goes on
 * the wire: the base URL filled in and the text encoded in the charset its content type names.
 */
final class SiteResources {
    private static final String ROOT = "io/akhbar/localstack/site/";
    /** Pages carry absolute links, as WordPress writes them, but the port is only known once the outlet listens. */
    private static final String BASE_URL_PLACEHOLDER = "{{BASE_URL}}";
    private static final Map<String, String> TYPES_BY_EXTENSION = Map.of(
            "html", "text/html; charset=utf-8",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "jpg", "image/jpeg");
    /** A directory URL is a page, or a feed, as WordPress's /feed/ is. */
    private static final List<String> DIRECTORY_INDEXES = List.of("index.html", "index.xml");
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset=([^;\\s]+)", Pattern.CASE_INSENSITIVE);

    private final ClassLoader classLoader;
    private final Map<String, String> typeOverrides;

    private SiteResources(ClassLoader classLoader, Map<String, String> typeOverrides) {
        this.classLoader = classLoader;
        this.typeOverrides = typeOverrides;
    }

    static SiteResources load() {
        ClassLoader classLoader = SiteResources.class.getClassLoader();
        Properties overrides = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(ROOT + "content-types.properties")) {
            if (in == null) {
                throw new IllegalStateException(ROOT + "content-types.properties is missing from the classpath");
            }
            overrides.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> typeOverrides = new HashMap<>();
        overrides.stringPropertyNames().forEach(name -> typeOverrides.put(name, overrides.getProperty(name)));
        return new SiteResources(classLoader, Map.copyOf(typeOverrides));
    }

    /** The representation of {@code requestPath} on the outlet, or empty where the outlet has no such page. */
    Optional<Representation> find(String outletId, String requestPath, String baseUrl) {
        if (!isPlainPath(requestPath)) {
            return Optional.empty();
        }
        List<String> candidates = requestPath.endsWith("/")
                ? DIRECTORY_INDEXES.stream().map(index -> outletId + requestPath + index).toList()
                : List.of(outletId + requestPath);
        for (String name : candidates) {
            Optional<String> contentType = contentTypeOf(name);
            if (contentType.isEmpty()) {
                // No extension we serve: a directory without its slash, or a file the site does not publish.
                continue;
            }
            Optional<byte[]> stored = read(name);
            if (stored.isPresent()) {
                return Optional.of(Representation.of(render(name, stored.get(), contentType.get(), baseUrl), contentType.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isPlainPath(String path) {
        return path.startsWith("/") && !path.contains("\\")
                && Arrays.stream(path.split("/")).noneMatch(segment -> segment.equals("..") || segment.equals("."));
    }

    private Optional<String> contentTypeOf(String name) {
        String override = typeOverrides.get(name);
        if (override != null) {
            return Optional.of(override);
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES_BY_EXTENSION.get(fileName.substring(dot + 1)));
    }

    private Optional<byte[]> read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + ROOT + name, e);
        }
    }

    /** Text types name a charset; resources are stored as UTF-8 whatever charset they are served in. */
    private static byte[] render(String name, byte[] stored, String contentType, String baseUrl) {
        Matcher charset = CHARSET.matcher(contentType);
        if (!charset.find()) {
            return stored;
        }
        String text = new String(stored, StandardCharsets.UTF_8).replace(BASE_URL_PLACEHOLDER, baseUrl);
        try {
            ByteBuffer encoded = Charset.forName(charset.group(1)).newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(name + " holds characters " + charset.group(1) + " cannot carry", e);
        }
    }
}
