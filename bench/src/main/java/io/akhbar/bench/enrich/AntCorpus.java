package io.akhbar.bench.enrich;

import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.ExtractionInfo;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ANT Corpus v2.1 (multi-source Arabic news, 31,525 articles from five outlets, Feb–Oct 2018) as articles of the
 * pipeline, read from its archive in {@code ../shared/benchmarks/ant-corpus} beside the repository: the texts stay
 * there, the project ships none of them.
 */
public final class AntCorpus {
    static final String ARCHIVE = "ant-corpus/antcorpus_multisource_v2.1.tar.xz";
    private static final Pattern FIELD = Pattern.compile("<(DOCNO|URL|TITLE|TIME|TEXT)>(.*?)</\\1>", Pattern.DOTALL);

    /** One record of the corpus: its DOCNO and the article the extractor would have made of it. */
    public record Document(String docno, Article article) {
    }

    private AntCorpus() {
    }

    /**
     * The archive in {@code ../shared/benchmarks} from the repository root (system property {@code akhbar.repo},
     * which {@code bench/run} sets, else the working directory), or in the directory named by the system property
     * {@code akhbar.benchmarks} (a checkout elsewhere); exits with a message naming the path when it is missing.
     */
    public static Path locate() {
        Path root = Path.of(System.getProperty("akhbar.repo", ".")).toAbsolutePath();
        Path benchmarks = System.getProperty("akhbar.benchmarks") != null
                ? Path.of(System.getProperty("akhbar.benchmarks")) : root.resolve("..").resolve("shared").resolve("benchmarks");
        Path archive = benchmarks.resolve(ARCHIVE).toAbsolutePath().normalize();
        if (!Files.isReadable(archive)) {
            System.err.println("ERROR: the ANT corpus is not at " + archive + ". The enrich benchmarks read it from"
                    + " ../shared/benchmarks/" + ARCHIVE + " beside the repository, or from -Dakhbar.benchmarks=DIR"
                    + " (see BENCHMARKS.md).");
            System.exit(2);
        }
        return archive;
    }

    /** Every document of the archive, in publication order (then DOCNO). */
    public static List<Document> read(Path archive) {
        List<Document> documents = new ArrayList<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith(".txt")) {
                    documents.add(parse(new String(tar.readAllBytes(), StandardCharsets.UTF_8), entry.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        documents.sort(Comparator.comparing((Document d) -> d.article().getPublishedAt()).thenComparing(Document::docno));
        return documents;
    }

    static Document parse(String record, String name) {
        String docno = null;
        String url = null;
        String title = "";
        String time = null;
        String text = "";
        Matcher field = FIELD.matcher(record);
        while (field.find()) {
            String value = field.group(2).strip();
            switch (field.group(1)) {
                case "DOCNO" -> docno = value;
                case "URL" -> url = value;
                case "TITLE" -> title = value;
                case "TIME" -> time = value;
                default -> text = value;
            }
        }
        if (docno == null || url == null || time == null) {
            throw new IllegalArgumentException(name + ": a record needs DOCNO, URL and TIME");
        }
        Instant published = ZonedDateTime.parse(time, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        List<String> paragraphs = Arrays.stream(text.split("\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        Article article = Article.newBuilder()
                .setId(ArticleKeys.of(url))
                .setCanonicalUrl(url).setUrl(url)
                .setSite(host(url))
                .setTitle(title).setParagraphs(paragraphs)
                .setPublishedAt(published).setFetchedAt(published)
                .setLang("ar")
                .setExtraction(ExtractionInfo.newBuilder().setExtractorVersion("ant-corpus").setMethod("feed").build())
                .build();
        return new Document(docno, article);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.replace(" ", "%20")).getHost();
            return host == null ? "unknown" : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url.replaceFirst("^https?://(www\\.)?", "").replaceFirst("/.*", "");
        }
    }
}
