package io.akhbar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.cli.offline.OfflinePipeline;
import io.akhbar.cli.offline.PageFiles;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Entity;
import io.akhbar.model.RawPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
                "Run extraction then enrichment (dedup into stories, tagging) on saved pages, offline: the same topologies as the services, in this process, without Kafka. Files are processed in the order given; then one JSON line per file is printed with the final decision: url, title, story_id, duplicate (exact, near or null), entities ({type, name}), topics, lang."},
        footer = {"", "Example:", "  ./akhbar analyze outlet-a/story.html outlet-b/same-story.html"})
final class AnalyzeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Extra entities, in the bundled gazetteer's format")
    Path gazetteer;

    @Parameters(paramLabel = "FILE.html", arity = "1..*", description = "Saved HTML pages")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Tagger tagger = gazetteer == null ? Tagger.withBundledData() : Tagger.withBundledDataAnd(gazetteer);
        List<Map<String, Object>> lines = new ArrayList<>();
        Map<String, Map<String, Object>> lineByArticle = new HashMap<>();
        int failures = 0;
        try (OfflinePipeline pipeline = new OfflinePipeline(new ArticleExtractor(), EnrichSettings.defaults(), tagger)) {
            for (Path file : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", file.toString());
                lines.add(line);
                RawPage page = PageFiles.read(file, null, null);
                OfflinePipeline.Outcome outcome = pipeline.extractAndEnrich(ArticleKeys.of(page.getUrl()), page);
                if (outcome.failure() != null) {
                    failures++;
                    line.put("error", outcome.failure().getErrorClass() + ": " + outcome.failure().getErrorMessage());
                } else if (outcome.article() == null) {
                    line.put("is_article", false);
                } else {
                    line.put("url", outcome.article().getCanonicalUrl());
                    line.put("title", outcome.article().getTitle());
                    lineByArticle.put(outcome.article().getId(), line);
                }
            }
            for (EnrichedArticle enriched : pipeline.enrichedSoFar()) {
                Map<String, Object> line = lineByArticle.get(enriched.getArticle().getId());
                if (line != null) {
                    describe(line, enriched);
                }
            }
        }
        for (Map<String, Object> line : lines) {
            System.out.println(JSON.writeValueAsString(line));
        }
        return failures == 0 ? 0 : 1;
    }

    private static void describe(Map<String, Object> line, EnrichedArticle enriched) {
        line.put("story_id", enriched.getStoryId());
        line.put("duplicate", enriched.getDuplicate() == null ? null : enriched.getDuplicate().name().toLowerCase(Locale.ROOT));
        List<Map<String, String>> entities = new ArrayList<>();
        for (Entity entity : enriched.getEntities()) {
            entities.add(Map.of("type", entity.getType().name().toLowerCase(Locale.ROOT), "name", entity.getName()));
        }
        line.put("entities", entities);
        line.put("topics", enriched.getTopics());
        line.put("lang", enriched.getArticle().getLang());
    }
}
