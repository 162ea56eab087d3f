package io.akhbar.bench.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.sink.write.VersionedDocument;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling the sink is measured against: the same documents, with the same ids and external versions, cut into
 * the same bulk requests, prepared in memory beforehand and posted to {@code _bulk} one after the other as fast as
 * Elasticsearch answers. No Kafka, no decoding, no bookkeeping.
 */
final class RawBulkLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> bodies;
    private final int documents;

    RawBulkLoader(List<VersionedDocument> documents, int maxDocs, long maxBytes) {
        this.documents = documents.size();
        this.bodies = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int inBody = 0;
        long sourceBytes = 0;
        for (VersionedDocument document : documents) {
            String action = "{\"index\":{\"_id\":" + quoted(document.id()) + ",\"version\":" + document.version()
                    + ",\"version_type\":\"external\"}}\n";
            body.writeBytes(action.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(document.json());
            body.write('\n');
            inBody++;
            sourceBytes += document.json().length;
            if (inBody >= maxDocs || sourceBytes >= maxBytes) {
                bodies.add(body.toByteArray());
                body.reset();
                inBody = 0;
                sourceBytes = 0;
            }
        }
        if (inBody > 0) {
            bodies.add(body.toByteArray());
        }
    }

    int requests() {
        return bodies.size();
    }

    /** Posts every request to {@code alias}; returns the documents Elasticsearch indexed. */
    long load(ElasticsearchClient client, String alias) throws IOException {
        RestClient rest = ((RestClientTransport) client._transport()).restClient();
        long indexed = 0;
        for (byte[] body : bodies) {
            Request request = new Request("POST", "/" + alias + "/_bulk");
            request.addParameter("require_alias", "true");
            request.addParameter("filter_path", "errors,items.*.status");
            request.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson")));
            Response response = rest.performRequest(request);
            JsonNode answer = JSON.readTree(response.getEntity().getContent());
            if (answer.path("errors").asBoolean(true)) {
                throw new IllegalStateException("Elasticsearch refused documents of a bulk request: " + answer);
            }
            indexed += answer.path("items").size();
        }
        if (indexed != documents) {
            throw new IllegalStateException("indexed " + indexed + " of " + documents + " documents");
        }
        return indexed;
    }

    private static String quoted(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
