package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.sink.ElasticsearchConnection;
import io.akhbar.sink.search.ArticleHit;
import io.akhbar.sink.search.NewsSearch;
import io.akhbar.sink.search.SearchFilters;
import io.akhbar.sink.search.SearchResult;
import io.akhbar.sink.search.StoryHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = {
                "Search the index with Arabic-aware matching (spelling variants, diacritics, obfuscation and light stemming are folded: اردوغان finds أردوغان and إردوغان). Prints hits with highlights."},
        footer = {"", "Examples:", "  ./akhbar search \"منع التصعيد\" --since 2024-01-01",
                "  ./akhbar search --stories --entity \"فلاديمير بوتين\" إدلب"})
final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUERY", description = "Words to find")
    String query;

    @Option(names = "--site", description = "Only this site (host, e.g. example.com)")
    String site;

    @Option(names = "--entity", description = "Only articles tagged with this entity (canonical name)")
    String entity;

    @Option(names = "--since", paramLabel = "DATE", description = "Only articles published on or after DATE (YYYY-MM-DD)")
    LocalDate since;

    @Option(names = "--stories", description = "One line per story, with how many outlets carried it")
    boolean stories;

    @Option(names = {"-n", "--size"}, defaultValue = "10", description = "How many hits; default: ${DEFAULT-VALUE}")
    int size;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        Instant from = since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant();
        SearchFilters filters = new SearchFilters(site, entity, from);
        try (ElasticsearchConnection connection = ElasticsearchConnection.open(config.sink())) {
            NewsSearch search = new NewsSearch(connection.client(), config.sink().indexAlias());
            if (stories) {
                SearchResult<StoryHit> result = search.searchStories(query, filters, size);
                System.out.printf("%d stories%n", result.total());
                for (StoryHit hit : result.hits()) {
                    System.out.printf("%n%s%n  %d outlets, %d articles, first %s at %s%n  %s%n", hit.title(), hit.outlets(),
                            hit.members(), hit.site(), hit.publishedAt(), hit.url());
                    hit.highlights().forEach(h -> System.out.println("  … " + h));
                }
            } else {
                SearchResult<ArticleHit> result = search.search(query, filters, size);
                System.out.printf("%d hits%n", result.total());
                for (ArticleHit hit : result.hits()) {
                    System.out.printf("%n%s%n  %s  %s  story %s%n  %s%n", hit.title(), hit.site(), hit.publishedAt(),
                            hit.storyId(), hit.url());
                    hit.highlights().forEach(h -> System.out.println("  … " + h));
                }
            }
        }
        return 0;
    }
}
