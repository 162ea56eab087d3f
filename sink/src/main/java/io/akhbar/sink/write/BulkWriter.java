package io.akhbar.sink.write;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends documents to the alias in one bulk request, each with its article version as external version, and says
 * what happened to each. Knows nothing of Kafka: the sink decides what to retry, dead-letter and commit.
 */
public final class BulkWriter {
    public static final String LATENCY_METRIC = "akhbar.sink.bulk.latency";
    /**
     * Errors about the index rather than the document (alias missing, index closed, writes blocked): an operator
     * fixes them and the documents must then go in, so they are retried, never dead-lettered.
     */
    static final Set<String> INDEX_UNAVAILABLE = Set.of(
            "index_not_found_exception", "index_closed_exception", "cluster_block_exception");

    private final ElasticsearchAsyncClient asyncClient;
    private final String alias;
    private final Timer latency;

    public BulkWriter(ElasticsearchClient client, String alias, MeterRegistry registry) {
        this.asyncClient = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.alias = alias;
        this.latency = Timer.builder(LATENCY_METRIC)
                .description("Time of one bulk request to Elasticsearch, failed ones included")
                .register(registry);
    }

    /**
     * One outcome per document, in order.
     *
     * @throws ElasticsearchUnavailableException when the request as a whole failed and retrying it may succeed
     * @throws IllegalStateException             when Elasticsearch refused the request as a whole (e.g. 401), which
     *                                           no retry fixes
     */
    public List<DocumentOutcome> write(List<VersionedDocument> documents) {
        try {
            return writeAsync(documents).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Like {@link #write(List)} without waiting, so that the caller can prepare the next request meanwhile; the
     * future fails with the exceptions {@code write} throws.
     */
    public CompletableFuture<List<DocumentOutcome>> writeAsync(List<VersionedDocument> documents) {
        if (documents.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Timer.Sample sample = Timer.start();
        return asyncClient.bulk(request(documents)).handle((response, error) -> {
            sample.stop(latency);
            if (error != null) {
                throw failure(error instanceof CompletionException ? error.getCause() : error);
            }
            return outcomes(response, documents.size());
        });
    }

    private static List<DocumentOutcome> outcomes(BulkResponse response, int documents) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != documents) {
            throw new IllegalStateException("Elasticsearch answered " + items.size() + " items for " + documents
                    + " documents");
        }
        List<DocumentOutcome> outcomes = new ArrayList<>(items.size());
        for (BulkResponseItem item : items) {
            outcomes.add(outcome(item));
        }
        return outcomes;
    }

    private BulkRequest request(List<VersionedDocument> documents) {
        BulkRequest.Builder bulk = new BulkRequest.Builder()
                // Never let a missing alias auto-create a concrete index named like it, outside our template.
                .requireAlias(true);
        for (VersionedDocument document : documents) {
            BinaryData source = BinaryData.of(document.json(), ContentType.APPLICATION_JSON);
            bulk.operations(operation -> operation.index(index -> index
                    .index(alias)
                    .id(document.id())
                    .version(document.version())
                    .versionType(VersionType.External)
                    .document(source)));
        }
        return bulk.build();
    }

    static DocumentOutcome outcome(BulkResponseItem item) {
        int status = item.status();
        ErrorCause error = item.error();
        if (error == null && status >= 200 && status < 300) {
            return DocumentOutcome.indexed(status);
        }
        String type = error == null ? "http_" + status : error.type();
        String reason = error == null ? "status " + status : reasonOf(error);
        return new DocumentOutcome(classify(status, type), status, type, reason);
    }

    static DocumentOutcome.Kind classify(int status, String errorType) {
        if (status == 409) {
            return DocumentOutcome.Kind.STALE;
        }
        if (isRetriable(status) || INDEX_UNAVAILABLE.contains(errorType)) {
            return DocumentOutcome.Kind.RETRY;
        }
        return DocumentOutcome.Kind.REJECTED;
    }

    static boolean isRetriable(int status) {
        return status == 429 || status >= 500;
    }

    private static String reasonOf(ErrorCause error) {
        String reason = error.reason() == null ? error.type() : error.reason();
        ErrorCause cause = error.causedBy();
        return cause == null ? reason : reason + " (caused by " + cause.type() + ": " + cause.reason() + ")";
    }

    private static RuntimeException failure(Throwable error) {
        if (error instanceof ElasticsearchException refused) {
            if (refused.status() == 429) {
                return new ElasticsearchUnavailableException("too_many_requests",
                        "Elasticsearch is overloaded: " + refused.getMessage(), refused);
            }
            if (refused.status() >= 500) {
                return new ElasticsearchUnavailableException("server_error", "Elasticsearch failed: " + refused.getMessage(), refused);
            }
            return new IllegalStateException("Elasticsearch refused the bulk request: " + refused.getMessage(), refused);
        }
        if (error instanceof TransportException transport && transport.statusCode() > 0 && !isRetriable(transport.statusCode())) {
            return new IllegalStateException("Elasticsearch refused the bulk request with status "
                    + transport.statusCode() + ": " + transport.getMessage(), transport);
        }
        if (error instanceof IOException) {
            return new ElasticsearchUnavailableException("unreachable", "Elasticsearch is unreachable: " + error, error);
        }
        return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
}
