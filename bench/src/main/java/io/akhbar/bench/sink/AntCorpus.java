package io.akhbar.bench.sink;

import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.ExtractionInfo;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ANT corpus (Arabic news from Al Arabiya, BBC, CNN, France 24 and Sky News, one TREC-style {@code <DOC>} per
 * file), read in place from its {@code .tar.xz} and turned into enriched articles as the pipeline would emit them
 * (tagged by the real tagger). It is not part of the repository: it is looked for under {@code shared/} next to
 * the checkout.
 */
final class AntCorpus {
    static final String RELATIVE_PATH = "shared/benchmarks/ant-corpus/antcorpus_multisource_v2.1.tar.xz";
    private static final Pattern FIELD = Pattern.compile("<(URL|SRC|CAT|TITLE|TIME|AUTHOR|TEXT)>(.*?)</\\1>", Pattern.DOTALL);

    private AntCorpus() {
    }

    /** The corpus under {@code shared/} in the working directory or one of its parents. */
    static Path locate() {
        List<Path> looked = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            looked.add(candidate);
        }
        throw new IllegalStateException("the ANT corpus is not here: looked for " + looked
                + "; pass --corpus PATH to its .tar.xz (it is not part of the repository)");
    }

    /** Up to {@code limit} articles, one per distinct URL, in archive order. */
    static List<EnrichedArticle> read(Path archive, int limit, Tagger tagger) throws IOException {
        Map<String, EnrichedArticle> articles = new LinkedHashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null && articles.size() < limit; entry = tar.getNextEntry()) {
                if (entry.isFile() && entry.getName().endsWith(".txt")) {
                    parse(new String(tar.readAllBytes(), StandardCharsets.UTF_8), tagger)
                            .ifPresent(a -> articles.putIfAbsent(a.getArticle().getId(), a));
                }
            }
        }
        return List.copyOf(articles.values());
    }

    private static Optional<EnrichedArticle> parse(String doc, Tagger tagger) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(doc);
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(2).strip());
        }
        String url = fields.get("URL");
        String title = fields.get("TITLE");
        List<String> paragraphs = Arrays.stream(fields.getOrDefault("TEXT", "").split("\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (url == null || title == null || paragraphs.isEmpty()) {
            return Optional.empty();
        }
        Instant published = published(fields.get("TIME"));
        Article article = Article.newBuilder()
                .setId(ArticleKeys.of(url))
                .setCanonicalUrl(url)
                .setUrl(url)
                .setSite(hostOf(url))
                .setSource(fields.get("SRC"))
                .setTitle(title)
                .setByline(fields.get("AUTHOR"))
                .setPublishedAt(published)
                .setFetchedAt(published == null ? Instant.EPOCH : published)
                .setParagraphs(paragraphs)
                .setLang("ar")
                .setExtraction(new ExtractionInfo("ant-corpus", "corpus", List.of(), 1.0))
                .build();
        Tags tags = tagger.tag(title, paragraphs, "ar");
        List<String> topics = new ArrayList<>(tags.topics());
        if (fields.containsKey("CAT")) {
            topics.add(fields.get("CAT"));
        }
        return Optional.of(EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint(article.getId())
                .setContentVersion(1)
                .setDocumentVersion(1)
                .setStoryId(article.getId())
                .setEntities(tags.entities())
                .setTopics(topics)
                .setWordCount(tags.wordCount())
                .setTaggerVersion(Tagger.VERSION)
                .build());
    }

    private static Instant published(String time) {
        if (time == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(time, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.replace(" ", "%20")).getHost();
            return host == null ? "unknown" : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
