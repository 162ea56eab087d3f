package io.akhbar.sink.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import io.akhbar.sink.SinkSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generations of concrete indices behind the news alias ({@code news-000001}, {@code news-000002}...) and what
 * a reindex does with them: create the next generation behind a staging alias, then move the alias over to it in
 * one atomic request, so that readers and the writer switch at the same instant.
 */
public final class NewsIndices {
    private static final int GENERATION_DIGITS = 6;

    private final ElasticsearchClient client;
    private final SinkSettings settings;
    private final Pattern generation;

    public NewsIndices(ElasticsearchClient client, SinkSettings settings) {
        this.client = client;
        this.settings = settings.validate();
        this.generation = Pattern.compile(Pattern.quote(settings.indexPrefix()) + "(\\d{" + GENERATION_DIGITS + "})");
    }

    /** The alias a reindex writes through while the live alias keeps serving: {@code news.reindex}. */
    public String stagingAlias() {
        return settings.indexAlias() + ".reindex";
    }

    /** The indices {@code alias} points at, sorted; empty if there is no such alias. */
    public List<String> behind(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        return client.indices().getAlias(a -> a.name(alias)).result().keySet().stream().sorted().toList();
    }

    /** The index an earlier reindex was filling when it stopped, if any. */
    public Optional<String> unfinishedReindex() throws IOException {
        return behind(stagingAlias()).stream().findFirst();
    }

    /** One generation after the highest existing {@code <prefix>NNNNNN}. */
    public String nextIndex() throws IOException {
        int highest = 0;
        for (String index : client.indices().get(g -> g.index(settings.templatePattern())).result().keySet()) {
            Matcher matcher = generation.matcher(index);
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return settings.indexPrefix() + String.format("%0" + GENERATION_DIGITS + "d", highest + 1);
    }

    /** Creates {@code index} from the news template, behind the staging alias as its write index. */
    public void createStaged(String index) throws IOException {
        client.indices().create(c -> c.index(index).aliases(stagingAlias(), a -> a.isWriteIndex(true)));
    }

    /**
     * Points the live alias at {@code to} alone, as its write index, and takes it off {@code from}, in one
     * {@code _aliases} request: Elasticsearch applies the actions atomically.
     */
    public void swap(Collection<String> from, String to) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String index : from) {
            actions.add(Action.of(a -> a.remove(r -> r.index(index).alias(settings.indexAlias()))));
        }
        actions.add(Action.of(a -> a.add(add -> add.index(to).alias(settings.indexAlias()).isWriteIndex(true))));
        client.indices().updateAliases(u -> u.actions(actions));
    }

    public void removeStagingAlias(String index) throws IOException {
        try {
            client.indices().deleteAlias(d -> d.index(index).name(stagingAlias()));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Documents searchable in {@code indexOrAlias}, after a refresh. */
    public long count(String indexOrAlias) throws IOException {
        client.indices().refresh(r -> r.index(indexOrAlias));
        return client.count(c -> c.index(indexOrAlias)).count();
    }

    public void delete(Collection<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            client.indices().delete(d -> d.index(List.copyOf(indices)));
        }
    }
}
