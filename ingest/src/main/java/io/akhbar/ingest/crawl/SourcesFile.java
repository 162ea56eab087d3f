package io.akhbar.ingest.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Reads the YAML file that lists the sources to crawl:
 * <pre>
 * sources:
 *   - id: taif
 *     name: طيف بوست
 *     feeds: ["https://example.com/feed/"]
 *     sitemaps: ["https://example.com/sitemap.xml"]
 *     sections:
 *       - url: "https://example.com/category/syria/"
 *         linkPattern: "/20\\d\\d/\\d\\d/[^/]+/$"
 *     repoll: PT5M
 *     extraction: { bodySelector: ".entry-content" }
 * </pre>
 * {@code repoll} is an ISO-8601 duration; every source needs at least one feed, sitemap or section, and
 * {@code extraction} may be left out. Unknown fields are errors, so that a misspelt one is not silently ignored.
 */
public final class SourcesFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Set<String> FILE_FIELDS = Set.of("sources");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("id", "name", "feeds", "sitemaps", "sections", "repoll", "extraction");
    private static final Set<String> SECTION_FIELDS = Set.of("url", "linkPattern");
    private static final Set<String> EXTRACTION_FIELDS = Set.of("bodySelector");

    private SourcesFile() {
    }

    public static List<Source> load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), "sources file " + file);
    }

    public static List<Source> parse(String yaml) {
        return parse(yaml, "sources file");
    }

    private static List<Source> parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidSourcesException(origin, List.of("not YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("sources").isArray() || root.path("sources").isEmpty()) {
            throw new InvalidSourcesException(origin, List.of("expected a mapping with a non-empty 'sources' list"));
        }
        unknownFields(root, FILE_FIELDS).forEach(field -> problems.add("unknown top-level field '" + field + "'"));

        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode entries = root.get("sources");
        for (int i = 0; i < entries.size(); i++) {
            SourceReader reader = new SourceReader(entries.get(i), i, problems);
            reader.read().ifPresent(source -> {
                if (!ids.add(source.id())) {
                    problems.add("source '" + source.id() + "': field 'id': the id is used by another source too");
                }
                sources.add(source);
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourcesException(origin, problems);
        }
        return List.copyOf(sources);
    }

    private static List<String> unknownFields(JsonNode object, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Reads one source, adding a problem for each thing wrong with it; yields a source only when it is whole. */
    private static final class SourceReader {
        private final JsonNode node;
        private final List<String> problems;
        private final int problemsBefore;
        private String label;

        SourceReader(JsonNode node, int index, List<String> problems) {
            this.node = node;
            this.problems = problems;
            this.problemsBefore = problems.size();
            this.label = "sources[" + index + "]";
        }

        Optional<Source> read() {
            if (!node.isObject()) {
                problem("expected a mapping with id, name, feeds, sitemaps, sections and repoll");
                return Optional.empty();
            }
            String id = requiredText("id");
            if (id != null) {
                if (ID.matcher(id).matches()) {
                    label = "source '" + id + "'";
                } else {
                    fieldProblem("id", "must be lower-case letters, digits, '-' and '_': " + id);
                }
            }
            unknownFields(node, SOURCE_FIELDS).forEach(field -> problem("unknown field '" + field + "'"));
            String name = requiredText("name");
            List<String> feeds = urls("feeds");
            List<String> sitemaps = urls("sitemaps");
            List<Source.Section> sections = sections();
            if (feeds.isEmpty() && sitemaps.isEmpty() && sections.isEmpty() && problems.size() == problemsBefore) {
                problem("needs at least one of feeds, sitemaps or sections");
            }
            Duration repoll = repoll();
            Optional<Source.ExtractionOverride> extraction = extraction();
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            return Optional.of(new Source(id, name, feeds, sitemaps, sections, repoll, extraction));
        }

        private String requiredText(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                fieldProblem(field, "is missing");
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                fieldProblem(field, "must be a non-empty string");
                return null;
            }
            return value.asText().trim();
        }

        private List<String> urls(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                fieldProblem(field, "must be a list of URLs");
                return List.of();
            }
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                httpUrl(value.get(i), field + "[" + i + "]").ifPresent(urls::add);
            }
            return urls;
        }

        private Optional<String> httpUrl(JsonNode value, String field) {
            if (!value.isTextual()) {
                fieldProblem(field, "must be a URL");
                return Optional.empty();
            }
            String url = value.asText().trim();
            try {
                URI uri = new URI(url);
                if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    return Optional.of(url);
                }
                fieldProblem(field, "must be an absolute http or https URL: " + url);
            } catch (URISyntaxException e) {
                fieldProblem(field, "is not a URL: " + e.getMessage());
            }
            return Optional.empty();
        }

        private List<Source.Section> sections() {
            JsonNode value = node.get("sections");
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                fieldProblem("sections", "must be a list of {url, linkPattern}");
                return List.of();
            }
            List<Source.Section> sections = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                String field = "sections[" + i + "]";
                JsonNode section = value.get(i);
                if (!section.isObject()) {
                    fieldProblem(field, "must be a mapping with url and linkPattern");
                    continue;
                }
                unknownFields(section, SECTION_FIELDS)
                        .forEach(unknown -> fieldProblem(field, "unknown field '" + unknown + "'"));
                Optional<String> url = section.hasNonNull("url")
                        ? httpUrl(section.get("url"), field + ".url")
                        : missing(field + ".url");
                Optional<Pattern> linkPattern = linkPattern(section.get("linkPattern"), field + ".linkPattern");
                if (url.isPresent() && linkPattern.isPresent()) {
                    sections.add(new Source.Section(url.get(), linkPattern.get()));
                }
            }
            return sections;
        }

        private Optional<Pattern> linkPattern(JsonNode value, String field) {
            if (value == null || value.isNull()) {
                return missing(field);
            }
            if (!value.isTextual() || value.asText().isEmpty()) {
                fieldProblem(field, "must be a regular expression");
                return Optional.empty();
            }
            try {
                return Optional.of(Pattern.compile(value.asText()));
            } catch (PatternSyntaxException e) {
                fieldProblem(field, "is not a valid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " of " + value.asText());
                return Optional.empty();
            }
        }

        private Duration repoll() {
            String text = requiredText("repoll");
            if (text == null) {
                return null;
            }
            try {
                Duration repoll = Duration.parse(text);
                if (repoll.isNegative() || repoll.isZero()) {
                    fieldProblem("repoll", "must be positive: " + text);
                }
                return repoll;
            } catch (DateTimeParseException e) {
                fieldProblem("repoll", "must be an ISO-8601 duration such as PT5M: " + text);
                return null;
            }
        }

        private Optional<Source.ExtractionOverride> extraction() {
            JsonNode value = node.get("extraction");
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                fieldProblem("extraction", "must be a mapping such as { bodySelector: \".entry-content\" }");
                return Optional.empty();
            }
            unknownFields(value, EXTRACTION_FIELDS)
                    .forEach(unknown -> fieldProblem("extraction", "unknown field '" + unknown + "'"));
            JsonNode selector = value.get("bodySelector");
            if (selector == null || !selector.isTextual() || selector.asText().isBlank()) {
                fieldProblem("extraction.bodySelector", "must be a CSS selector");
                return Optional.empty();
            }
            try {
                QueryParser.parse(selector.asText());
            } catch (Selector.SelectorParseException e) {
                fieldProblem("extraction.bodySelector", "is not a valid CSS selector: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new Source.ExtractionOverride(selector.asText().trim()));
        }

        private <T> Optional<T> missing(String field) {
            fieldProblem(field, "is missing");
            return Optional.empty();
        }

        private void fieldProblem(String field, String problem) {
            problems.add(label + ": field '" + field + "' " + problem);
        }

        private void problem(String problem) {
            problems.add(label + ": " + problem);
        }
    }
}
