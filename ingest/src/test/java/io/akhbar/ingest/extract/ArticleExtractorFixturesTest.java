package io.akhbar.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every page under {@code src/test/resources/extract/<theme>/} against the {@code .expected.json} beside it. The
 * pages of jannah, newspaper and minimal are the seed articles dressed in the furniture of real news themes; those
 * of portal, nextjs, legacy, opinion, agency, levant and oddities are articles written for these tests in the
 * furniture of other families of news sites (mass portals, script-rendered front ends, older CMSs and table
 * layouts, opinion columns, news agencies and AMP, Levantine dates with no machine-readable date, and awkward
 * layouts: no h1, a short story under a video, paragraphs as divs of spans). A key missing from the
 * expectation is not checked, a key present with null must come out null; {@code withoutMarkupHints} says why a
 * page is left out of the check without markup.
 */
class ArticleExtractorFixturesTest {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final BoilerplatePhrases PHRASES = BoilerplatePhrases.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Fixture(String name, Path html, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(ArticleExtractorFixturesTest.class.getResource("/extract")).toURI());
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Path expected = html.resolveSibling(html.getFileName().toString().replace(".html", ".expected.json"));
                fixtures.add(new Fixture(root.relativize(html).toString(), html, JSON.readTree(expected.toFile())));
            }
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(45);
        return fixtures.stream();
    }

    static Stream<Fixture> articleFixtures() throws IOException, URISyntaxException {
        return fixtures().filter(f -> f.expected().path("isArticle").asBoolean(false));
    }

    private static ExtractedPage extract(Fixture f) throws IOException {
        JsonNode contentType = f.expected().get("contentType");
        return EXTRACTOR.extract(Files.readAllBytes(f.html()), contentType == null ? null : contentType.asText(),
                f.expected().path("url").asText(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void extractsTheExpectedArticle(Fixture f) throws IOException {
        ExtractedPage page = extract(f);
        JsonNode exp = f.expected();
        if (exp.has("isArticle")) {
            assertThat(page.isArticle()).as("isArticle").isEqualTo(exp.get("isArticle").asBoolean());
        }
        if (exp.has("title")) {
            assertThat(page.title()).as("title").isEqualTo(exp.get("title").asText());
        }
        if (exp.has("byline")) {
            assertThat(page.byline()).as("byline").isEqualTo(exp.get("byline").isNull() ? null : exp.get("byline").asText());
        }
        if (exp.has("published")) {
            Instant expected = exp.get("published").isNull() ? null : Instant.parse(exp.get("published").asText());
            assertThat(page.published()).as("published").isEqualTo(expected);
        }
        if (exp.has("lang")) {
            assertThat(page.lang()).as("lang").isEqualTo(exp.get("lang").asText());
        }
        if (exp.has("canonicalUrl")) {
            assertThat(page.canonicalUrl()).as("canonicalUrl").isEqualTo(exp.get("canonicalUrl").asText());
        }
        if (exp.has("paragraphs")) {
            List<String> expected = new ArrayList<>();
            exp.get("paragraphs").forEach(p -> expected.add(p.asText()));
            assertThat(page.paragraphs()).as("paragraphs").containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void leavesNoBoilerplateLine(Fixture f) throws IOException {
        ExtractedPage page = extract(f);
        for (String paragraph : page.paragraphs()) {
            assertThat(PHRASES.match(paragraph)).as(paragraph).isEmpty();
            assertThat(paragraph).doesNotContain("\u0640").doesNotContain("<").doesNotContain("أخر الأخبار");
        }
    }

    /**
     * The same pages with every class, id, role and semantic tag gone: what remains to find the article and drop
     * the furniture is text density, links and wording, as on a theme nobody has seen before.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("articleFixtures")
    void findsTheArticleWithoutAnyMarkupHints(Fixture f) throws IOException {
        assumeFalse(f.expected().has("withoutMarkupHints"), f.expected().path("withoutMarkupHints").asText());
        Document doc = Jsoup.parse(PageDecoder.decode(Files.readAllBytes(f.html()),
                f.expected().path("contentType").asText(null)), "");
        for (Element el : doc.getAllElements()) {
            el.removeAttr("class").removeAttr("id").removeAttr("role").removeAttr("itemprop");
            if (Set.of("nav", "footer", "aside", "header", "figure", "figcaption", "form", "article", "main")
                    .contains(el.normalName())) {
                el.tagName("div");
            }
        }
        ExtractedPage page = EXTRACTOR.extract(doc.outerHtml(), f.expected().path("url").asText(null));
        List<String> expected = new ArrayList<>();
        f.expected().get("paragraphs").forEach(p -> expected.add(p.asText()));
        assertThat(page.paragraphs()).containsExactlyElementsOf(expected);
    }
}
