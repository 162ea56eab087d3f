package io.akhbar.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesFileTest {
    private static final String EXAMPLE = """
            sources:
              - id: taif
                name: طيف بوست
                feeds: ["https://example.com/feed/"]
                sitemaps: ["https://example.com/sitemap.xml"]
                sections:
                  - url: "https://example.com/category/syria/"
                    linkPattern: "/20\\\\d\\\\d/\\\\d\\\\d/[^/]+/$"
                repoll: PT5M
                extraction: { bodySelector: ".entry-content" }   # optional per-site override
              - id: enab-baladi
                name: عنب بلدي
                sitemaps: ["https://www.enabbaladi.net/sitemap_index.xml"]
                repoll: PT15M
            """;

    @Test
    void readsTheDocumentedFormat() {
        List<Source> sources = SourcesFile.parse(EXAMPLE);

        assertThat(sources).hasSize(2);
        Source taif = sources.get(0);
        assertThat(taif.id()).isEqualTo("taif");
        assertThat(taif.name()).isEqualTo("طيف بوست");
        assertThat(taif.feeds()).containsExactly("https://example.com/feed/");
        assertThat(taif.sitemaps()).containsExactly("https://example.com/sitemap.xml");
        assertThat(taif.sections()).singleElement().satisfies(section -> {
            assertThat(section.url()).isEqualTo("https://example.com/category/syria/");
            assertThat(section.linkPattern().pattern()).isEqualTo("/20\\d\\d/\\d\\d/[^/]+/$");
            assertThat(section.linkPattern().matcher("https://example.com/2025/01/story/").find()).isTrue();
        });
        assertThat(taif.repoll()).isEqualTo(Duration.ofMinutes(5));
        assertThat(taif.extraction()).contains(new Source.ExtractionOverride(".entry-content"));

        Source enab = sources.get(1);
        assertThat(enab.feeds()).isEmpty();
        assertThat(enab.sections()).isEmpty();
        assertThat(enab.extraction()).isEmpty();
    }

    @Test
    void loadsAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("sources.yaml");
        Files.writeString(file, EXAMPLE, StandardCharsets.UTF_8);

        assertThat(SourcesFile.load(file)).extracting(Source::id).containsExactly("taif", "enab-baladi");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT5M"
                    + " | sources[0]: field 'id' is missing",
            "id: Taif Post\\n    name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT5M"
                    + " | sources[0]: field 'id' must be lower-case letters",
            "id: taif\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT5M"
                    + " | source 'taif': field 'name' is missing",
            "id: taif\\n    name: x\\n    repoll: PT5M"
                    + " | source 'taif': needs at least one of feeds, sitemaps or sections",
            "id: taif\\n    name: x\\n    feeds: [\"ftp://a.test/\"]\\n    repoll: PT5M"
                    + " | source 'taif': field 'feeds[0]' must be an absolute http or https URL",
            "id: taif\\n    name: x\\n    feeds: \"https://a.test/\"\\n    repoll: PT5M"
                    + " | source 'taif': field 'feeds' must be a list of URLs",
            "id: taif\\n    name: x\\n    sitemaps: [\"/sitemap.xml\"]\\n    repoll: PT5M"
                    + " | source 'taif': field 'sitemaps[0]' must be an absolute http or https URL",
            "id: taif\\n    name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: 5 minutes"
                    + " | source 'taif': field 'repoll' must be an ISO-8601 duration such as PT5M: 5 minutes",
            "id: taif\\n    name: x\\n    feeds: [\"https://a.test/\"]"
                    + " | source 'taif': field 'repoll' is missing",
            "id: taif\\n    name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT0S"
                    + " | source 'taif': field 'repoll' must be positive",
            "id: taif\\n    name: x\\n    sections: [{url: \"https://a.test/s/\", linkPattern: \"/20(\\\\d\"}]\\n    repoll: PT5M"
                    + " | source 'taif': field 'sections[0].linkPattern' is not a valid regular expression",
            "id: taif\\n    name: x\\n    sections: [{url: \"https://a.test/s/\"}]\\n    repoll: PT5M"
                    + " | source 'taif': field 'sections[0].linkPattern' is missing",
            "id: taif\\n    name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT5M\\n    extraction: {bodySelector: \"div[\"}"
                    + " | source 'taif': field 'extraction.bodySelector' is not a valid CSS selector",
            "id: taif\\n    name: x\\n    feeds: [\"https://a.test/\"]\\n    repoll: PT5M\\n    extraction: {titleSelector: h1, bodySelector: p}"
                    + " | source 'taif': field 'extraction' unknown field 'titleSelector'",
            "id: taif\\n    name: x\\n    feed: [\"https://a.test/\"]\\n    sitemaps: [\"https://a.test/s.xml\"]\\n    repoll: PT5M"
                    + " | source 'taif': unknown field 'feed'",
    })
    void namesTheSourceAndFieldOfEachProblem(String source, String expectedProblem) {
        String yaml = "sources:\n  - " + source.replace("\\n", "\n") + "\n";

        assertThatThrownBy(() -> SourcesFile.parse(yaml))
                .isInstanceOfSatisfying(InvalidSourcesException.class, invalid ->
                        assertThat(invalid.problems()).anySatisfy(problem ->
                                assertThat(problem).startsWith(expectedProblem)));
    }

    @Test
    void reportsEveryProblemAtOnceIncludingDuplicateIds() {
        String yaml = """
                sources:
                  - {id: taif, name: a, feeds: ["https://a.test/"], repoll: PT5M}
                  - {id: taif, name: b, feeds: ["https://b.test/"], repoll: PT5M}
                  - {id: enab, name: c, repoll: soon}
                """;

        assertThatThrownBy(() -> SourcesFile.parse(yaml))
                .isInstanceOfSatisfying(InvalidSourcesException.class, invalid -> {
                    assertThat(invalid.problems()).containsExactly(
                            "source 'taif': field 'id': the id is used by another source too",
                            "source 'enab': needs at least one of feeds, sitemaps or sections",
                            "source 'enab': field 'repoll' must be an ISO-8601 duration such as PT5M: soon");
                    assertThat(invalid.getMessage()).startsWith("sources file is invalid:");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | expected a mapping with a non-empty 'sources' list",
            "sources: [] | expected a mapping with a non-empty 'sources' list",
            "- just a list | expected a mapping with a non-empty 'sources' list",
            "'sources: [ {id: x' | not YAML",
    })
    void rejectsFilesWithoutSources(String yaml, String expectedProblem) {
        assertThatThrownBy(() -> SourcesFile.parse(yaml))
                .isInstanceOfSatisfying(InvalidSourcesException.class, invalid ->
                        assertThat(invalid.problems()).singleElement().asString().startsWith(expectedProblem));
    }
}
