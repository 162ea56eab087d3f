package io.akhbar.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schema.org article a page describes in JSON-LD, if any. Publishers' JSON-LD is often sloppy (comments,
 * raw newlines in strings, several scripts, {@code @graph} with references by {@code @id}), so parsing is lenient
 * and a script that still fails to parse is ignored.
 */
final class JsonLd {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "report",
            "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "posting", "medicalscholarlyarticle");
    private static final Set<String> LISTING_TYPES = Set.of("collectionpage", "itemlist", "searchresultspage");

    static final JsonLd EMPTY = new JsonLd(null, Map.of(), false);

    private final JsonNode article;
    private final Map<String, JsonNode> byId;
    private final boolean listing;

    private JsonLd(JsonNode article, Map<String, JsonNode> byId, boolean listing) {
        this.article = article;
        this.byId = byId;
        this.listing = listing;
    }

    static JsonLd of(PageMarkup markup) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : markup.jsonLdScripts) {
            try {
                flatten(MAPPER.readTree(script.data()), nodes);
            } catch (IOException malformed) {
                // Sloppy markup beyond what the lenient parser accepts: the rest of the page still has metadata.
            }
        }
        if (nodes.isEmpty()) {
            return EMPTY;
        }
        Map<String, JsonNode> byId = new HashMap<>();
        JsonNode article = null;
        boolean listing = false;
        for (JsonNode node : nodes) {
            String id = node.path("@id").asText("");
            if (!id.isEmpty()) {
                byId.putIfAbsent(id, node);
            }
            Set<String> types = types(node);
            if (article == null && types.stream().anyMatch(ARTICLE_TYPES::contains)) {
                article = node;
            }
            listing |= types.stream().anyMatch(LISTING_TYPES::contains);
        }
        return new JsonLd(article, byId, listing);
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
        } else if (node.isObject()) {
            out.add(node);
            flatten(node.get("@graph"), out);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject()) {
                flatten(main, out);
            }
        }
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.get("@type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
            } else {
                types.add(type.asText().toLowerCase(Locale.ROOT));
            }
        }
        return types;
    }

    boolean hasArticle() {
        return article != null;
    }

    /** A page that declares itself a collection or list and no article. */
    boolean isListing() {
        return listing && article == null;
    }

    String headline() {
        return article == null ? "" : text(article.get("headline"), text(article.get("name"), ""));
    }

    String datePublished() {
        return article == null ? "" : text(article.get("datePublished"), text(article.get("dateCreated"), ""));
    }

    String articleBody() {
        return article == null ? "" : text(article.get("articleBody"), "");
    }

    /**
     * Author names, resolving {@code @id} references into the graph; several authors are joined by commas, the
     * Arabic comma between names written in Arabic.
     */
    String author() {
        if (article == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        collectNames(article.get("author"), names);
        return String.join(names.stream().anyMatch(JsonLd::hasArabicLetter) ? "، " : ", ", names);
    }

    private static boolean hasArabicLetter(String name) {
        return name.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                && Character.isLetter(c));
    }

    private void collectNames(JsonNode author, List<String> names) {
        if (author == null || author.isNull()) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> collectNames(a, names));
            return;
        }
        if (author.isTextual()) {
            addName(author.asText(), names);
            return;
        }
        JsonNode resolved = author;
        if (!author.has("name") && author.has("@id")) {
            resolved = byId.getOrDefault(author.get("@id").asText(), author);
        }
        addName(text(resolved.get("name"), ""), names);
    }

    private static void addName(String name, List<String> names) {
        String n = name.strip();
        if (!n.isEmpty() && !n.startsWith("http") && !names.contains(n)) {
            names.add(n);
        }
    }

    private static String text(JsonNode node, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isArray()) {
            return node.isEmpty() ? fallback : text(node.get(0), fallback);
        }
        if (node.isObject()) {
            return text(node.get("@value"), text(node.get("name"), fallback));
        }
        // Publishers often HTML-escape their JSON-LD strings ("&quot;", "&#8217;").
        String s = Parser.unescapeEntities(node.asText(), false).strip();
        return s.isEmpty() ? fallback : s;
    }
}
