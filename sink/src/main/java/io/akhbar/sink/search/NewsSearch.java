package io.akhbar.sink.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.akhbar.sink.index.NewsFields.*;

/**
 * Searches the news alias. The query text goes through {@code simple_query_string} on title (boosted), text and
 * byline, all of its words required, so users may write {@code "..."} for a phrase (matched on the {@code exact}
 * sub-fields, analysed by {@code standard}), {@code -word} to exclude and {@code word*} for a prefix; malformed
 * syntax never fails. A blank query lists the newest articles.
 */
public final class NewsSearch {
    public static final String HIGHLIGHT_START = "<em>";
    public static final String HIGHLIGHT_END = "</em>";
    private static final int TEXT_FRAGMENT_CHARS = 160;
    private static final int TEXT_FRAGMENTS = 2;
    private static final float TITLE_BOOST = 3;
    private static final String STORIES = "stories";
    private static final String OUTLETS = "outlets";
    private static final String EARLIEST = "earliest";
    private static final List<String> HIT_FIELDS = List.of(ID, TITLE, SITE, URL, PUBLISHED_AT, STORY_ID);

    private final ElasticsearchClient client;
    private final String alias;

    public NewsSearch(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public SearchResult<ArticleHit> search(String query, SearchFilters filters, int size) throws IOException {
        SearchResponse<Map> response = client.search(request(query, filters, size).build(), Map.class);
        List<ArticleHit> hits = response.hits().hits().stream().map(NewsSearch::articleHit).toList();
        return new SearchResult<>(response.hits().total().value(), hits);
    }

    /**
     * The best-matching stories: hits collapsed on story id, then, for those stories, their earliest article,
     * how many sites carried them and how many articles they have.
     */
    public SearchResult<StoryHit> searchStories(String query, SearchFilters filters, int size) throws IOException {
        SearchResponse<Map> matches = client.search(request(query, filters, size)
                .collapse(c -> c.field(STORY_ID))
                .aggregations(STORIES, a -> a.cardinality(c -> c.field(STORY_ID)))
                .build(), Map.class);
        List<Hit<Map>> bestPerStory = matches.hits().hits().stream()
                .filter(hit -> hit.source() != null && hit.source().get(STORY_ID) != null)
                .toList();
        long totalStories = matches.aggregations().get(STORIES).cardinality().value();
        if (bestPerStory.isEmpty()) {
            return new SearchResult<>(totalStories, List.of());
        }
        List<String> storyIds = bestPerStory.stream().map(hit -> (String) hit.source().get(STORY_ID)).toList();
        Map<String, StringTermsBucket> stories = storyBuckets(storyIds);
        List<StoryHit> hits = new ArrayList<>();
        for (Hit<Map> best : bestPerStory) {
            String storyId = (String) best.source().get(STORY_ID);
            StringTermsBucket story = stories.get(storyId);
            if (story == null) {
                continue;
            }
            Map<?, ?> earliest = story.aggregations().get(EARLIEST).topHits().hits().hits().get(0).source().to(Map.class);
            hits.add(new StoryHit(storyId,
                    (String) earliest.get(TITLE),
                    (String) earliest.get(SITE),
                    (String) earliest.get(URL),
                    instant(earliest.get(PUBLISHED_AT)),
                    story.aggregations().get(OUTLETS).cardinality().value(),
                    story.docCount(),
                    highlights(best)));
        }
        return new SearchResult<>(totalStories, hits);
    }

    /** How many articles the alias holds (as of the last refresh). */
    public long count() throws IOException {
        return client.count(c -> c.index(alias)).count();
    }

    public Optional<StoredArticle> getById(String id) throws IOException {
        GetResponse<Map> response = client.get(g -> g.index(alias).id(id), Map.class);
        if (!response.found()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> source = response.source();
        return Optional.of(new StoredArticle(response.id(), response.version(), source));
    }

    private SearchRequest.Builder request(String query, SearchFilters filters, int size) {
        boolean hasQuery = query != null && !query.isBlank();
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(alias)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query(hasQuery ? query.strip() : null, filters))
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)));
        if (hasQuery) {
            request.highlight(highlight());
        } else {
            request.sort(newestFirst());
        }
        return request;
    }

    private static Query query(String text, SearchFilters filters) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (text == null) {
            bool.must(m -> m.matchAll(all -> all));
        } else {
            bool.must(m -> m.simpleQueryString(s -> s
                    .query(text)
                    .fields(TITLE + "^" + TITLE_BOOST, TEXT, BYLINE)
                    .defaultOperator(Operator.And)
                    .quoteFieldSuffix("." + EXACT)));
        }
        if (filters.site() != null) {
            bool.filter(f -> f.term(t -> t.field(SITE).value(filters.site())));
        }
        if (filters.entity() != null) {
            bool.filter(f -> f.term(t -> t.field(ENTITIES_NAME).value(filters.entity())));
        }
        if (filters.since() != null) {
            bool.filter(since(filters.since()));
        }
        return bool.build()._toQuery();
    }

    private static Query since(Instant since) {
        String from = since.toString();
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.range(r -> r.date(d -> d.field(PUBLISHED_AT).gte(from))))
                .should(s -> s.bool(undated -> undated
                        .mustNot(m -> m.exists(e -> e.field(PUBLISHED_AT)))
                        .filter(f -> f.range(r -> r.date(d -> d.field(FETCHED_AT).gte(from))))))
                .minimumShouldMatch("1")));
    }

    /** Highlights every query term wherever it matched, including on the exact sub-fields. */
    private static Highlight highlight() {
        return Highlight.of(h -> h
                .preTags(HIGHLIGHT_START)
                .postTags(HIGHLIGHT_END)
                .requireFieldMatch(false)
                .fields(TITLE, f -> f.numberOfFragments(0))
                .fields(TEXT, f -> f.fragmentSize(TEXT_FRAGMENT_CHARS).numberOfFragments(TEXT_FRAGMENTS)));
    }

    private static List<SortOptions> newestFirst() {
        return List.of(
                SortOptions.of(s -> s.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Desc).missing("_last"))),
                SortOptions.of(s -> s.field(f -> f.field(FETCHED_AT).order(SortOrder.Desc))));
    }

    private Map<String, StringTermsBucket> storyBuckets(List<String> storyIds) throws IOException {
        List<FieldValue> ids = storyIds.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = client.search(s -> s
                .index(alias)
                .size(0)
                .query(q -> q.terms(t -> t.field(STORY_ID).terms(v -> v.value(ids))))
                .aggregations(STORIES, a -> a
                        .terms(t -> t.field(STORY_ID).size(ids.size()))
                        .aggregations(OUTLETS, o -> o.cardinality(c -> c.field(SITE)))
                        .aggregations(EARLIEST, e -> e.topHits(top -> top
                                .size(1)
                                .sort(SortOptions.of(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Asc).missing("_last"))),
                                        SortOptions.of(o -> o.field(f -> f.field(FETCHED_AT).order(SortOrder.Asc))))
                                .source(src -> src.filter(f -> f.includes(TITLE, SITE, URL, PUBLISHED_AT)))))),
                Void.class);
        Aggregate stories = response.aggregations().get(STORIES);
        Map<String, StringTermsBucket> byId = new HashMap<>();
        for (StringTermsBucket bucket : stories.sterms().buckets().array()) {
            byId.put(bucket.key().stringValue(), bucket);
        }
        return byId;
    }

    private static ArticleHit articleHit(Hit<Map> hit) {
        Map<?, ?> source = hit.source();
        return new ArticleHit(hit.id(),
                (String) source.get(TITLE),
                (String) source.get(SITE),
                (String) source.get(URL),
                instant(source.get(PUBLISHED_AT)),
                (String) source.get(STORY_ID),
                highlights(hit),
                hit.score() == null ? Double.NaN : hit.score());
    }

    private static List<String> highlights(Hit<?> hit) {
        List<String> highlights = new ArrayList<>(hit.highlight().getOrDefault(TITLE, List.of()));
        highlights.addAll(hit.highlight().getOrDefault(TEXT, List.of()));
        return List.copyOf(highlights);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
