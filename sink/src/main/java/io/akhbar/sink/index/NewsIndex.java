package io.akhbar.sink.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.sink.SinkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Makes sure the news index template and the alias exist: {@code PUT} of the template (so it always matches this
 * code), and the alias pointing at {@code <prefix>000001} as its write index when there is no alias yet. Safe to
 * run any number of times and from several processes at once; an alias already pointing elsewhere (after a
 * reindex) is left alone.
 */
public final class NewsIndex {
    /** The analyzer of our Elasticsearch plugin (module analysis-plugin). */
    public static final String ARABIC_ANALYZER = "akhbar_arabic";
    public static final String FALLBACK_ANALYZER = "standard";
    private static final Logger log = LoggerFactory.getLogger(NewsIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final SinkSettings settings;
    private volatile String textAnalyzer;

    public NewsIndex(ElasticsearchClient client, SinkSettings settings) {
        this.client = client;
        this.settings = settings.validate();
    }

    public IndexSetup ensure() throws IOException {
        String analyzer = textAnalyzer();
        putTemplate(analyzer);
        String writeIndex = ensureAlias();
        String indexAnalyzer = titleAnalyzerOf(writeIndex);
        if (!analyzer.equals(indexAnalyzer)) {
            log.warn("Index {} analyses text with {} although {} is available: reindex to get it", writeIndex,
                    indexAnalyzer, analyzer);
        }
        return new IndexSetup(settings.indexAlias(), writeIndex, analyzer, indexAnalyzer);
    }

    /**
     * {@value #ARABIC_ANALYZER} if the cluster has our plugin, else {@value #FALLBACK_ANALYZER}; asked of the
     * cluster once.
     */
    public String textAnalyzer() throws IOException {
        if (textAnalyzer == null) {
            textAnalyzer = detectTextAnalyzer();
        }
        return textAnalyzer;
    }

    private String detectTextAnalyzer() throws IOException {
        try {
            client.indices().analyze(a -> a.analyzer(ARABIC_ANALYZER).text("test"));
            log.info("Elasticsearch has analyzer {}: text fields get Arabic analysis", ARABIC_ANALYZER);
            return ARABIC_ANALYZER;
        } catch (ElasticsearchException e) {
            if (e.status() != 400) {
                throw e;
            }
            log.warn("Arabic search is degraded: Elasticsearch at {} has no analyzer {} ({}), so text fields fall back"
                            + " to {}, which does not fold hamza and alef forms, strip affixes or repair obfuscated words."
                            + " Install the akhbar analysis plugin and reindex.",
                    settings.elasticsearchUrl(), ARABIC_ANALYZER, e.error().reason(), FALLBACK_ANALYZER);
            return FALLBACK_ANALYZER;
        }
    }

    private void putTemplate(String analyzer) throws IOException {
        String body = toJson(NewsMapping.template(settings.templatePattern(), settings.indexReplicas(), analyzer));
        client.indices().putIndexTemplate(t -> t.name(settings.templateName()).withJson(new StringReader(body)));
    }

    private String ensureAlias() throws IOException {
        String alias = settings.indexAlias();
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return writeIndexOf(alias);
        }
        String index = settings.initialIndex();
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
            log.info("Alias {} was missing: pointed it at the existing index {}", alias, index);
            return index;
        }
        try {
            client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
            log.info("Created index {} behind alias {}", index, alias);
            return index;
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return writeIndexOf(alias);
        }
    }

    private String writeIndexOf(String alias) throws IOException {
        Map<String, IndexAliases> indices = client.indices().getAlias(a -> a.name(alias)).result();
        if (indices.size() == 1) {
            return indices.keySet().iterator().next();
        }
        return indices.entrySet().stream()
                .filter(index -> Boolean.TRUE.equals(index.getValue().aliases().get(alias).isWriteIndex()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("alias " + alias + " points at " + indices.keySet()
                        + " and none of them is its write index"));
    }

    private String titleAnalyzerOf(String index) throws IOException {
        Property title = client.indices().getMapping(m -> m.index(index))
                .get(index).mappings().properties().get(NewsFields.TITLE);
        if (title == null || !title.isText()) {
            throw new IllegalStateException("index " + index + " has no text field " + NewsFields.TITLE
                    + ": it was not created from the news template");
        }
        String analyzer = title.text().analyzer();
        return analyzer == null ? FALLBACK_ANALYZER : analyzer;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
