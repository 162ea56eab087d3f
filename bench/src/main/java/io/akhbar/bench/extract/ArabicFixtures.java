package io.akhbar.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.ingest.extract.BoilerplatePhrases;
import io.akhbar.text.ArabicNormalizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The extractor's own Arabic test pages ({@code <theme>/<name>.html} with {@code <name>.expected.json} beside it),
 * scored per contender: pages whose paragraphs come out exactly as expected, expected paragraphs found as a line,
 * boilerplate lines left, titles and dates right, listing pages recognised.
 *
 * <p>A line left in the output is boilerplate when a phrase rule of the extractor matches it, or when its words,
 * once normalised, do not occur in the expected body: the page's furniture is exactly what is not its body, so a
 * peer is not let off for wording our rules do not know, and the headline repeated above the body counts too.
 */
record ArabicFixtures(List<Fixture> fixtures) {
    private static final BoilerplatePhrases PHRASES = BoilerplatePhrases.load();

    record Fixture(String name, byte[] html, JsonNode expected) {
        boolean article() {
            return expected.path("isArticle").asBoolean(false);
        }

        List<String> paragraphs() {
            List<String> paragraphs = new ArrayList<>();
            expected.path("paragraphs").forEach(p -> paragraphs.add(p.asText()));
            return paragraphs;
        }
    }

    /** Totals for one contender; a null count is a check the contender cannot be put to. */
    record Result(int articles, int exactPages, int paragraphs, int exactParagraphs, int boilerplateLines,
                  int titles, int titlesRight, int dates, Integer datesRight, int listings, Integer listingsRecognised) {
    }

    static ArabicFixtures load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no Arabic fixtures at " + dir.toAbsolutePath().normalize()
                    + " (pass --fixtures DIR)");
        }
        ObjectMapper json = new ObjectMapper();
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Path expected = html.resolveSibling(html.getFileName().toString().replace(".html", ".expected.json"));
                fixtures.add(new Fixture(dir.relativize(html).toString(), Files.readAllBytes(html),
                        json.readTree(expected.toFile())));
            }
        }
        return new ArabicFixtures(List.copyOf(fixtures));
    }

    /** Scores one contender; with {@code details} non-null, every boilerplate line left and every miss is printed. */
    Result score(Contender contender, PrintStream details) throws Exception {
        Tally t = new Tally();
        for (Fixture f : fixtures) {
            JsonNode exp = f.expected();
            Contender.Extraction out = contender.extract(f.html(), exp.path("contentType").asText(null),
                    exp.path("url").asText(null));
            if (exp.has("title")) {
                t.titles++;
                if (sameText(exp.get("title").asText(), out.title())) {
                    t.titlesRight++;
                } else {
                    report(details, contender, f, "title", out.title());
                }
            }
            if (exp.has("published")) {
                t.dates++;
                Instant expected = exp.get("published").isNull() ? null : Instant.parse(exp.get("published").asText());
                if (expected == null ? out.published() == null : expected.equals(out.published())) {
                    t.datesRight++;
                } else if (contender.findsDates()) {
                    report(details, contender, f, "date", String.valueOf(out.published()));
                }
            }
            if (f.article()) {
                scoreBody(contender, f, out, t, details);
            } else {
                t.listings++;
                if (!out.article()) {
                    t.listingsRecognised++;
                }
            }
        }
        return new Result(t.articles, t.exactPages, t.paragraphs, t.exactParagraphs, t.boilerplate, t.titles,
                t.titlesRight, t.dates, contender.findsDates() ? t.datesRight : null, t.listings,
                contender.recognisesListings() ? t.listingsRecognised : null);
    }

    private static void scoreBody(Contender contender, Fixture f, Contender.Extraction out, Tally t,
                                  PrintStream details) {
        t.articles++;
        List<String> expected = f.paragraphs();
        List<String> lines = out.lines().stream().map(ArabicFixtures::folded).toList();
        if (lines.equals(expected)) {
            t.exactPages++;
        }
        t.paragraphs += expected.size();
        t.exactParagraphs += (int) expected.stream().filter(lines::contains).count();
        String body = " " + String.join(" ", ArabicNormalizer.tokens(String.join("\n", expected))) + " ";
        for (String line : lines) {
            String words = String.join(" ", ArabicNormalizer.tokens(line));
            if (PHRASES.match(line).isPresent() || !words.isEmpty() && !body.contains(" " + words + " ")) {
                t.boilerplate++;
                report(details, contender, f, "boilerplate", line);
            }
        }
    }

    private static final class Tally {
        int articles;
        int exactPages;
        int paragraphs;
        int exactParagraphs;
        int boilerplate;
        int titles;
        int titlesRight;
        int dates;
        int datesRight;
        int listings;
        int listingsRecognised;
    }

    private static boolean sameText(String expected, String actual) {
        return actual != null && folded(expected).equals(folded(actual));
    }

    private static String folded(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private static void report(PrintStream details, Contender contender, Fixture f, String what, String text) {
        if (details != null) {
            details.printf("  %-32s %-26s %-11s %s%n", contender.name(), f.name(), what, text);
        }
    }
}
