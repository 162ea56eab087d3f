package io.akhbar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.akhbar.cli.offline.PageFiles;
import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.ingest.extract.ExtractedPage;
import io.akhbar.model.RawPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "extract",
        mixinStandardHelpOptions = true,
        description = {
                "Extract the article from saved HTML pages, offline, with the crawler's extractor. Prints one JSON object per file, on one line, in the order given: title, byline, published (ISO-8601 or null), text (paragraphs separated by a blank line), lang, canonical_url, is_article, removed (the boilerplate snippets dropped). The charset comes from --content-type, the BOM or <meta>."},
        footer = {"", "Example:", "  ./akhbar extract --url https://example.com/2024/10/story/ page.html"})
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--url", paramLabel = "URL",
            description = "URL the pages were fetched from (base for relative links); default: the page's canonical link")
    String url;

    @Option(names = "--content-type", paramLabel = "HEADER",
            description = "Content-Type header the server sent, e.g. 'text/html; charset=windows-1256'")
    String contentType;

    @Parameters(paramLabel = "FILE.html", arity = "1..*", description = "Saved HTML pages")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        ArticleExtractor extractor = new ArticleExtractor();
        int failures = 0;
        for (Path file : files) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", file.toString());
            try {
                RawPage page = PageFiles.read(file, url, contentType);
                byte[] body = page.getBody().array();
                ExtractedPage extracted = extractor.extract(body, contentType, url);
                line.put("title", extracted.title());
                line.put("byline", extracted.byline());
                line.put("published", extracted.published() == null ? null : extracted.published().toString());
                line.put("text", extracted.text());
                line.put("lang", extracted.lang());
                line.put("canonical_url", extracted.canonicalUrl());
                line.put("is_article", extracted.isArticle());
                line.put("removed", extracted.removed());
            } catch (Exception e) {
                failures++;
                line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                System.err.println("extract: " + file + ": " + e);
            }
            System.out.println(JSON.writeValueAsString(line));
        }
        return failures == 0 ? 0 : 1;
    }
}
