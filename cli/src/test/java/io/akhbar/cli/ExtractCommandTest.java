package io.akhbar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.localstack.site.Outlet;
import io.akhbar.localstack.site.SampleSite;
import io.akhbar.text.ArabicNormalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** ./akhbar extract on the pages of the bundled sample site, saved to files as a user would. */
class ExtractCommandTest {
    private static final List<String> BOILERPLATE = List.of("اقرأ أيضاً", "زر الذهاب إلى الأعلى", "مقالات ذات صلة",
            "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني", "أخر الأخبار", "اخترنا لك", "الأكثر قراءة",
            "كاتب صحفي متخصص", "الوسوم");
    private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>([^<]+)</loc>");

    @TempDir
    static Path pages;
    private static SampleSite site;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSite() {
        site = SampleSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void everySamplePageGivesItsArticleWithoutBoilerplate() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String url : articleUrls()) {
            files.add(save(url));
        }
        List<JsonNode> lines = run(files);

        assertThat(lines).hasSize(site.articleCount());
        for (JsonNode line : lines) {
            String title = line.get("title").asText();
            String text = line.get("text").asText();
            assertThat(line.get("is_article").asBoolean()).as("%s", line.get("file")).isTrue();
            assertThat(line.get("canonical_url").asText()).startsWith("http://127.0.0.1:");
            assertThat(line.get("published").isNull()).as("published of %s", title).isFalse();
            assertThat(text.split("\n\n")).as("paragraphs of %s", title).hasSizeGreaterThan(3)
                    .noneMatch(p -> ArabicNormalizer.normalize(p).equals(ArabicNormalizer.normalize(title)));
            for (String phrase : BOILERPLATE) {
                assertThat(ArabicNormalizer.normalize(text)).as("body of %s", title)
                        .doesNotContain(ArabicNormalizer.normalize(phrase));
            }
        }
    }

    @Test
    void aSectionPageIsNotAnArticle() throws Exception {
        Outlet taif = site.outlets().get(0);
        List<JsonNode> lines = run(List.of(save(taif.baseUrl() + "/category/syria/")));
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.get("is_article").asBoolean()).isFalse());
    }

    private static List<String> articleUrls() throws Exception {
        List<String> urls = new ArrayList<>();
        for (Outlet outlet : site.outlets()) {
            String sitemap = get(outlet.baseUrl() + (outlet.id().equals("taif") ? "/sitemap.xml" : "/sitemap-news.xml"));
            Matcher loc = SITEMAP_LOC.matcher(sitemap);
            while (loc.find()) {
                urls.add(loc.group(1));
            }
        }
        return urls;
    }

    private static Path save(String url) throws Exception {
        byte[] body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        return Files.write(Files.createTempFile(pages, "page", ".html"), body);
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<JsonNode> run(List<Path> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("extract"));
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Akhbar.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
