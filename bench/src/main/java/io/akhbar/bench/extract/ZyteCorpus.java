package io.akhbar.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The Zyte benchmark's pages and human-annotated bodies: {@code ground-truth.json} maps a page's SHA-256 to its
 * {@code articleBody} and {@code url}, and {@code html/<sha>.html.gz} holds the page as fetched.
 */
record ZyteCorpus(List<Page> pages) {

    record Page(String key, String url, byte[] html, String truth) {
    }

    static ZyteCorpus load(Path dir) throws IOException {
        Path groundTruth = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(groundTruth)) {
            throw new IllegalArgumentException("no Zyte benchmark at " + dir.toAbsolutePath().normalize()
                    + " (expected ground-truth.json and html/<sha>.html.gz; pass --zyte DIR)");
        }
        JsonNode truth = new ObjectMapper().readTree(groundTruth.toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path html = dir.resolve("html").resolve(e.getKey() + ".html.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
                pages.add(new Page(e.getKey(), e.getValue().path("url").asText(null), in.readAllBytes(),
                        e.getValue().path("articleBody").asText("")));
            }
        }
        return new ZyteCorpus(List.copyOf(pages));
    }
}
