package io.akhbar.ingest.pipeline;

import io.akhbar.ingest.extract.ArticleExtractor;
import io.akhbar.ingest.extract.ExtractedPage;
import io.akhbar.ingest.extract.ExtractionException;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.ExtractionInfo;
import io.akhbar.model.RawPage;
import io.akhbar.model.Topics;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static io.akhbar.model.AkhbarSerdes.ARTICLE;
import static io.akhbar.model.AkhbarSerdes.KEY;
import static io.akhbar.model.AkhbarSerdes.RAW_PAGE;

/**
 * raw pages ──► extract ──► articles
 * <p>
 * Stateless, so extraction can be re-run over the kept raw pages by resetting this application. A page the
 * extractor throws on goes to the dead-letter topic (the processing exception handler); listing pages and pages
 * without a body are dropped and counted per site, so an operator sees a site whose template changed.
 */
public final class ExtractTopology {
    public static final String STAGE = "extract";
    private static final Logger log = LoggerFactory.getLogger(ExtractTopology.class);

    private ExtractTopology() {
    }

    /**
     * @param canonicalizer the crawler's URL canonicalisation, applied to the page's canonical link so that an
     *                      article has the same key however it was reached
     */
    public static Topology build(Topics topics, ArticleExtractor extractor, UnaryOperator<String> canonicalizer) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.rawPages(), Consumed.with(KEY, RAW_PAGE).withName("raw-pages"))
                .flatMap((key, page) -> extract(page, extractor, canonicalizer), Named.as("extract"))
                .to(topics.articles(), Produced.with(KEY, ARTICLE).withName("to-articles"));
        return builder.build();
    }

    static List<KeyValue<String, Article>> extract(RawPage page, ArticleExtractor extractor,
                                                   UnaryOperator<String> canonicalizer) {
        // The source id, as the crawler's meters name the site, so that both stages' counts meet per site.
        String site = page.getSource() != null ? page.getSource() : siteOf(page.getFinalUrl());
        if (page.getStatus() < 200 || page.getStatus() >= 300) {
            count(site, "not-ok");
            return List.of();
        }
        byte[] body = new byte[page.getBody().remaining()];
        page.getBody().duplicate().get(body);
        ExtractedPage extracted;
        try {
            extracted = extractor.extract(body, page.getHeaders().get("content-type"), page.getFinalUrl());
        } catch (ExtractionException e) {
            // The dead-letter log line and record then say where, not only what.
            throw new ExtractionException(page.getFinalUrl() + ": " + e.getMessage());
        }
        if (!extracted.isArticle()) {
            count(site, "not-article");
            return List.of();
        }
        if (extracted.paragraphs().isEmpty() || extracted.title() == null || extracted.title().isBlank()) {
            count(site, "empty");
            log.warn("empty extraction: site={} url={} (title present: {})", site, page.getFinalUrl(),
                    extracted.title() != null && !extracted.title().isBlank());
            return List.of();
        }
        if (extracted.published() == null) {
            count(site, "missing-date");
        }
        String canonical = canonicalizer.apply(extracted.canonicalUrl() != null ? extracted.canonicalUrl() : page.getFinalUrl());
        String id = ArticleKeys.of(canonical);
        Article article = Article.newBuilder()
                .setId(id)
                .setCanonicalUrl(canonical)
                .setUrl(page.getFinalUrl())
                .setSite(siteOf(canonical))
                .setSource(page.getSource())
                .setTitle(extracted.title())
                .setByline(extracted.byline())
                .setPublishedAt(extracted.published())
                .setFetchedAt(page.getFetchedAt())
                .setParagraphs(extracted.paragraphs())
                .setLang(extracted.lang())
                .setExtraction(ExtractionInfo.newBuilder()
                        .setExtractorVersion(ArticleExtractor.VERSION)
                        .setMethod(extracted.method())
                        .setRemovedSnippets(extracted.removed())
                        .build())
                .build();
        count(site, "article");
        Metrics.counter("akhbar.extract.boilerplate.removed", "site", site).increment(extracted.removed().size());
        return List.of(KeyValue.pair(id, article));
    }

    /** The site of a URL: its host without "www.", with the port when it is not the scheme's default. */
    public static String siteOf(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "unknown" : uri.getHost().toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static void count(String site, String outcome) {
        Metrics.counter("akhbar.extract.pages", "site", site, "outcome", outcome).increment();
    }
}
