package io.akhbar.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The official Java client over the low-level REST client, authenticated as the settings say. Never call
 * {@code ping()} or {@code info()}: the integ-test-zip distribution answers {@code GET /} with 405.
 */
public final class ElasticsearchConnection implements AutoCloseable {
    private final RestClient restClient;
    private final ElasticsearchClient client;

    private ElasticsearchConnection(RestClient restClient) {
        this.restClient = restClient;
        this.client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    public static ElasticsearchConnection open(SinkSettings settings) {
        URI uri = URI.create(settings.validate().elasticsearchUrl());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        RestClientBuilder builder = RestClient.builder(new HttpHost(uri.getHost(), port, uri.getScheme()));
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) {
            builder.setPathPrefix(uri.getPath());
        }
        if (settings.apiKey() != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey())});
        }
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (settings.apiKey() == null && settings.username() != null) {
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(settings.username(), settings.password()));
        }
        SSLContext tls = settings.caCertificate() == null ? null : trusting(Path.of(settings.caCertificate()));
        builder.setHttpClientConfigCallback(http -> {
            http.setDefaultCredentialsProvider(credentials);
            return tls == null ? http : http.setSSLContext(tls);
        });
        return new ElasticsearchConnection(builder.build());
    }

    /** Host names are still verified: the authority vouches for the certificate, the name says whose it is. */
    private static SSLContext trusting(Path caCertificate) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(caCertificate.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caCertificate, e);
        }
    }

    public ElasticsearchClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            restClient.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Elasticsearch client", e);
        }
    }
}
