package io.akhbar.sink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything the sink and the search need to know, with every default in {@link #defaults()}.
 * Credentials are either an API key or a user name and password; {@link #toString()} never shows them.
 *
 * @param elasticsearchUrl      base URL of Elasticsearch, e.g. {@code http://localhost:9200} (a path is kept as prefix)
 * @param kafkaBootstrapServers Kafka bootstrap servers
 * @param indexAlias            the alias every reader and writer uses; the concrete index behind it can be swapped
 * @param indexPrefix           prefix of the concrete indices; the index template matches {@code prefix*}
 * @param indexReplicas         replicas per shard; 0 suits a single-node cluster
 * @param bulkMaxDocs           a bulk request is sent once this many documents are waiting
 * @param bulkMaxBytes          ... or once their JSON reaches this size
 * @param bulkFlushInterval     ... or once the oldest waiting document has waited this long
 * @param retryBaseBackoff      first wait after Elasticsearch failed (429, 5xx, connection), doubled on each retry
 * @param retryMaxBackoff       longest wait between retries: also the longest the sink lags behind a recovered cluster
 * @param consumerGroup         Kafka consumer group of the sink
 * @param pollTimeout           longest a Kafka poll blocks
 * @param shutdownTimeout       how long {@code close()} keeps retrying a failing Elasticsearch before leaving the
 *                              unacknowledged records uncommitted, for the next run to index
 * @param apiKey                Elasticsearch API key (the encoded form), or null
 * @param username              Elasticsearch user for basic authentication, or null
 * @param password              password of {@code username}, or null
 * @param caCertificate         PEM file of the certificate authority that signed Elasticsearch's HTTPS certificate
 *                              (Elasticsearch's {@code http_ca.crt}), or null to trust the JVM's usual authorities
 */
public record SinkSettings(
        String elasticsearchUrl,
        String kafkaBootstrapServers,
        String indexAlias,
        String indexPrefix,
        int indexReplicas,
        int bulkMaxDocs,
        long bulkMaxBytes,
        Duration bulkFlushInterval,
        Duration retryBaseBackoff,
        Duration retryMaxBackoff,
        String consumerGroup,
        Duration pollTimeout,
        Duration shutdownTimeout,
        String apiKey,
        String username,
        String password,
        String caCertificate) {

    /** Elasticsearch refuses HTTP requests above {@code http.max_content_length}, 100 MB by default. */
    static final long ELASTICSEARCH_MAX_REQUEST_BYTES = 100L * 1024 * 1024;
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public static SinkSettings defaults() {
        return new SinkSettings(
                "http://localhost:9200",
                "localhost:9092",
                "news",
                "news-",
                0,
                1000,
                5L * 1024 * 1024,
                Duration.ofSeconds(1),
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                "akhbar-sink",
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                null,
                null,
                null,
                null);
    }

    /** The index created behind the alias when there is none yet. */
    public String initialIndex() {
        return indexPrefix + "000001";
    }

    public String templatePattern() {
        return indexPrefix + "*";
    }

    public String templateName() {
        return "akhbar-" + indexAlias;
    }

    /** Returns these settings, or throws {@link IllegalArgumentException} naming every invalid one. */
    public SinkSettings validate() {
        List<String> problems = new ArrayList<>();
        checkUrl(problems);
        require(problems, notBlank(kafkaBootstrapServers), "kafkaBootstrapServers is required");
        require(problems, isIndexName(indexAlias), "indexAlias must be a lower-case index name, got " + quoted(indexAlias));
        require(problems, isIndexName(indexPrefix), "indexPrefix must be a lower-case index name, got " + quoted(indexPrefix));
        if (isIndexName(indexAlias) && isIndexName(indexPrefix)) {
            require(problems, !indexAlias.startsWith(indexPrefix),
                    "indexAlias " + indexAlias + " must not match the template pattern " + templatePattern());
        }
        require(problems, indexReplicas >= 0, "indexReplicas must be >= 0, got " + indexReplicas);
        require(problems, bulkMaxDocs >= 1 && bulkMaxDocs <= 100_000, "bulkMaxDocs must be in 1..100000, got " + bulkMaxDocs);
        require(problems, bulkMaxBytes >= 1024 && bulkMaxBytes <= ELASTICSEARCH_MAX_REQUEST_BYTES / 2,
                "bulkMaxBytes must be in 1 KiB..50 MiB (half of Elasticsearch's request limit), got " + bulkMaxBytes);
        require(problems, isPositive(bulkFlushInterval), "bulkFlushInterval must be positive");
        require(problems, isPositive(retryBaseBackoff), "retryBaseBackoff must be positive");
        require(problems, isPositive(retryMaxBackoff) && isPositive(retryBaseBackoff)
                        && retryMaxBackoff.compareTo(retryBaseBackoff) >= 0,
                "retryMaxBackoff must be at least retryBaseBackoff");
        require(problems, notBlank(consumerGroup), "consumerGroup is required");
        require(problems, isPositive(pollTimeout), "pollTimeout must be positive");
        require(problems, shutdownTimeout != null && !shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
        require(problems, apiKey == null || (username == null && password == null),
                "give either apiKey or username and password, not both");
        require(problems, (username == null) == (password == null), "username and password go together");
        require(problems, apiKey == null || notBlank(apiKey), "apiKey must not be blank");
        require(problems, caCertificate == null || Files.isReadable(Path.of(caCertificate)),
                "caCertificate must be a readable PEM file, got " + quoted(caCertificate));
        require(problems, caCertificate == null || notBlank(elasticsearchUrl) && elasticsearchUrl.startsWith("https:"),
                "caCertificate is for an https elasticsearchUrl");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid sink settings: " + String.join("; ", problems));
        }
        return this;
    }

    public SinkSettings withElasticsearchUrl(String url) {
        return new SinkSettings(url, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas, bulkMaxDocs,
                bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withKafkaBootstrapServers(String servers) {
        return new SinkSettings(elasticsearchUrl, servers, indexAlias, indexPrefix, indexReplicas, bulkMaxDocs,
                bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withIndex(String alias, String prefix) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, alias, prefix, indexReplicas, bulkMaxDocs,
                bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withBulk(int maxDocs, long maxBytes, Duration flushInterval) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas, maxDocs,
                maxBytes, flushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withRetryBackoff(Duration base, Duration max) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, base, max, consumerGroup, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withConsumerGroup(String group) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, group, pollTimeout,
                shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withTimeouts(Duration poll, Duration shutdown) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup, poll,
                shutdown, apiKey, username, password, caCertificate);
    }

    public SinkSettings withIndexReplicas(int replicas) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, replicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup,
                pollTimeout, shutdownTimeout, apiKey, username, password, caCertificate);
    }

    public SinkSettings withApiKey(String key) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup,
                pollTimeout, shutdownTimeout, key, null, null, caCertificate);
    }

    public SinkSettings withBasicAuth(String user, String secret) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup,
                pollTimeout, shutdownTimeout, null, user, secret, caCertificate);
    }

    /** Trusts only the given authority for Elasticsearch's HTTPS certificate. */
    public SinkSettings withCaCertificate(String pemFile) {
        return new SinkSettings(elasticsearchUrl, kafkaBootstrapServers, indexAlias, indexPrefix, indexReplicas,
                bulkMaxDocs, bulkMaxBytes, bulkFlushInterval, retryBaseBackoff, retryMaxBackoff, consumerGroup,
                pollTimeout, shutdownTimeout, apiKey, username, password, pemFile);
    }

    @Override
    public String toString() {
        return "SinkSettings[elasticsearchUrl=" + urlWithoutCredentials()
                + ", kafkaBootstrapServers=" + kafkaBootstrapServers
                + ", indexAlias=" + indexAlias
                + ", indexPrefix=" + indexPrefix
                + ", indexReplicas=" + indexReplicas
                + ", bulkMaxDocs=" + bulkMaxDocs
                + ", bulkMaxBytes=" + bulkMaxBytes
                + ", bulkFlushInterval=" + bulkFlushInterval
                + ", retryBaseBackoff=" + retryBaseBackoff
                + ", retryMaxBackoff=" + retryMaxBackoff
                + ", consumerGroup=" + consumerGroup
                + ", pollTimeout=" + pollTimeout
                + ", shutdownTimeout=" + shutdownTimeout
                + ", auth=" + (apiKey != null ? "api-key" : username != null ? "basic user " + username : "none")
                + ", caCertificate=" + caCertificate
                + "]";
    }

    private void checkUrl(List<String> problems) {
        if (!notBlank(elasticsearchUrl)) {
            problems.add("elasticsearchUrl is required");
            return;
        }
        try {
            URI uri = URI.create(elasticsearchUrl);
            require(problems, ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                    "elasticsearchUrl must be an http(s) URL with a host, got " + urlWithoutCredentials());
            require(problems, uri.getUserInfo() == null,
                    "elasticsearchUrl must not carry credentials: use apiKey or username and password");
        } catch (IllegalArgumentException e) {
            problems.add("elasticsearchUrl is not a URL");
        }
    }

    private String urlWithoutCredentials() {
        return elasticsearchUrl == null ? null : elasticsearchUrl.replaceFirst("//[^/@]*@", "//***@");
    }

    private static void require(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isIndexName(String value) {
        return value != null && INDEX_NAME.matcher(value).matches();
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
