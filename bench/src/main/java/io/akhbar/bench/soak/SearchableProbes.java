package io.akhbar.bench.soak;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetch-to-searchable latency, measured from outside as a reader sees it: a sample of article ids is looked up by a
 * search every {@link #PERIOD}, and an article's latency is the time it was first found minus the time the crawler
 * fetched it (both clocks are this machine's). A search, not a get, so that Elasticsearch's refresh counts too.
 */
final class SearchableProbes {
    static final Duration PERIOD = Duration.ofMillis(250);

    private final ElasticsearchClient client;
    private final String alias;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Probe> found = Collections.synchronizedList(new ArrayList<>());

    /** A probe article once found: when it was fetched and how long it then took to become searchable. */
    record Probe(Instant fetched, Duration latency) {
    }

    SearchableProbes(ElasticsearchClient client, String alias, Set<String> ids) {
        this.client = client;
        this.alias = alias;
        this.pending.addAll(ids);
    }

    /** One round of lookups; returns how many probes are still not searchable. */
    @SuppressWarnings("unchecked")
    int poll() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(pending);
        try {
            List<Hit<Map>> hits = client.search(s -> s.index(alias).size(ids.size())
                            .query(q -> q.ids(i -> i.values(ids))).source(src -> src.filter(f -> f.includes("fetchedAt"))),
                    Map.class).hits().hits();
            Instant now = Instant.now();
            for (Hit<Map> hit : hits) {
                if (pending.remove(hit.id())) {
                    Instant fetched = Instant.parse((String) hit.source().get("fetchedAt"));
                    found.add(new Probe(fetched, Duration.between(fetched, now)));
                }
            }
        } catch (Exception indexNotThereYet) {
            // The sink creates the index with its first document.
        }
        return pending.size();
    }

    List<Duration> latencies() {
        return found().stream().map(Probe::latency).toList();
    }

    List<Probe> found() {
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    static Duration percentile(List<Duration> values, double percentile) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
