package io.akhbar.ingest.crawl;

import io.akhbar.ingest.fetch.AddressRange;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the crawler behaves towards sites and itself. {@link #defaults()} is the one place defaults live; change
 * some of them with {@code CrawlerSettings.defaults().toBuilder()...build()}.
 *
 * @param userAgent            sent with every request; its product token is the name robots.txt rules address
 * @param perHostDelay         pause after each request before the next to the same host (robots.txt
 *                             Crawl-delay lengthens it, never shortens it)
 * @param maxBodyBytes         largest body accepted, counted after gzip or brotli decoding
 * @param connectTimeout       time allowed to open a connection
 * @param requestTimeout       time allowed for one request, from sending it to the last byte of the body
 * @param maxRedirects         redirects followed before giving up
 * @param maxRetries           further attempts after a timeout, network error, 429 or 5xx
 * @param retryBaseDelay       wait before the first retry; it doubles with each further retry, with jitter
 * @param maxRetryAfter        longest Retry-After we wait before retrying; a server asking for more gets this
 * @param allowedContentTypes  media types accepted: pages (HTML) and discovery documents (feeds, sitemaps)
 * @param allowPrivateNetworks whether loopback, link-local and private addresses may be fetched; only for a
 *                             crawler pointed at sites on its own machine or network, as in the demo
 * @param maxPagesPerSource    new pages fetched from one source in one pass; the rest wait for the next pass
 * @param robotsCacheTtl       how long robots.txt rules are kept
 * @param robotsUnavailableTtl how long a site whose robots.txt answered 5xx or not at all stays closed
 * @param maxSitemapDepth      how many levels of sitemap indexes are followed below the configured sitemap
 * @param fetchThreads         hosts crawled at the same time
 * @param shutdownTimeout      how long {@link Crawler#close()} waits for fetches in flight, and how long an
 *                             instance handing hosts over to another lets their fetches in flight finish
 * @param consumerGroup        the consumer group of the frontier topic, shared by every crawler instance of a
 *                             deployment (prefixed with the topic prefix)
 * @param sourcesReloadInterval how often the sources file is checked for changes, applied without a restart;
 *                             zero never checks
 * @param unresponsiveHostPause how long a host is left alone after several fetches in a row got no answer
 *                             (timeouts, refused or reset connections), each after its retries
 * @param allowedNetworks      address ranges in CIDR notation ({@code 10.20.0.0/16}, {@code fd00::/8}) that may be
 *                             fetched although they are private and private networks are not allowed: an outlet
 *                             on the crawler's own network
 */
public record CrawlerSettings(
        String userAgent,
        Duration perHostDelay,
        int maxBodyBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRedirects,
        int maxRetries,
        Duration retryBaseDelay,
        Duration maxRetryAfter,
        Set<String> allowedContentTypes,
        boolean allowPrivateNetworks,
        int maxPagesPerSource,
        Duration robotsCacheTtl,
        Duration robotsUnavailableTtl,
        int maxSitemapDepth,
        int fetchThreads,
        Duration shutdownTimeout,
        String consumerGroup,
        Duration sourcesReloadInterval,
        Duration unresponsiveHostPause,
        List<String> allowedNetworks) {

    /** Bodies are held in byte arrays and Kafka records, so a page beyond this is a mistake, not a page. */
    private static final int MAX_BODY_BYTES_CEILING = 1 << 30;

    public CrawlerSettings {
        allowedContentTypes = allowedContentTypes == null ? null : Set.copyOf(allowedContentTypes);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }

    public static CrawlerSettings defaults() {
        return new CrawlerSettings(
                "AkhbarBot/0.1 (+https://github.com/akhbar)",
                Duration.ofSeconds(1),
                5 * 1024 * 1024,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5,
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Set.of("text/html", "application/xhtml+xml",
                        "application/rss+xml", "application/atom+xml", "application/xml", "text/xml"),
                false,
                200,
                Duration.ofHours(24),
                Duration.ofMinutes(10),
                3,
                4,
                Duration.ofSeconds(30),
                "akhbar-crawler",
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                List.of());
    }

    /** Returns these settings, or throws naming the first setting that makes no sense. */
    public CrawlerSettings validate() {
        require(userAgent != null && !userAgent.isBlank(), "userAgent", "must not be blank");
        requireNotNegative(perHostDelay, "perHostDelay");
        require(maxBodyBytes > 0 && maxBodyBytes <= MAX_BODY_BYTES_CEILING, "maxBodyBytes",
                "must be between 1 and " + MAX_BODY_BYTES_CEILING + ": " + maxBodyBytes);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        require(maxRedirects >= 0, "maxRedirects", "must not be negative");
        require(maxRetries >= 0, "maxRetries", "must not be negative");
        requireNotNegative(retryBaseDelay, "retryBaseDelay");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        require(allowedContentTypes != null && !allowedContentTypes.isEmpty(), "allowedContentTypes",
                "must name at least one media type");
        require(allowedContentTypes.stream().allMatch(type -> type.equals(type.toLowerCase(Locale.ROOT))
                && type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")), "allowedContentTypes",
                "must be lower-case media types without parameters, such as text/html: " + allowedContentTypes);
        require(maxPagesPerSource > 0, "maxPagesPerSource", "must be positive");
        requirePositive(robotsCacheTtl, "robotsCacheTtl");
        requirePositive(robotsUnavailableTtl, "robotsUnavailableTtl");
        require(maxSitemapDepth >= 0, "maxSitemapDepth", "must not be negative");
        require(fetchThreads > 0, "fetchThreads", "must be positive");
        requireNotNegative(shutdownTimeout, "shutdownTimeout");
        require(consumerGroup != null && !consumerGroup.isBlank(), "consumerGroup", "must not be blank");
        requireNotNegative(sourcesReloadInterval, "sourcesReloadInterval");
        requirePositive(unresponsiveHostPause, "unresponsiveHostPause");
        for (String network : allowedNetworks) {
            require(AddressRange.isValid(network), "allowedNetworks",
                    "must hold address ranges such as 10.20.0.0/16 or fd00::/8, not " + network);
        }
        return this;
    }

    private static void requirePositive(Duration value, String name) {
        require(value != null && value.compareTo(Duration.ZERO) > 0, name, "must be a positive duration: " + value);
    }

    private static void requireNotNegative(Duration value, String name) {
        require(value != null && !value.isNegative(), name, "must be a duration of zero or more: " + value);
    }

    private static void require(boolean condition, String setting, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("crawler setting " + setting + " " + problem);
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings and keeps the others; start from {@link #defaults()}. */
    public static final class Builder {
        private String userAgent;
        private Duration perHostDelay;
        private int maxBodyBytes;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private int maxRedirects;
        private int maxRetries;
        private Duration retryBaseDelay;
        private Duration maxRetryAfter;
        private Set<String> allowedContentTypes;
        private boolean allowPrivateNetworks;
        private int maxPagesPerSource;
        private Duration robotsCacheTtl;
        private Duration robotsUnavailableTtl;
        private int maxSitemapDepth;
        private int fetchThreads;
        private Duration shutdownTimeout;
        private String consumerGroup;
        private Duration sourcesReloadInterval;
        private Duration unresponsiveHostPause;
        private List<String> allowedNetworks;

        private Builder(CrawlerSettings from) {
            userAgent = from.userAgent;
            perHostDelay = from.perHostDelay;
            maxBodyBytes = from.maxBodyBytes;
            connectTimeout = from.connectTimeout;
            requestTimeout = from.requestTimeout;
            maxRedirects = from.maxRedirects;
            maxRetries = from.maxRetries;
            retryBaseDelay = from.retryBaseDelay;
            maxRetryAfter = from.maxRetryAfter;
            allowedContentTypes = from.allowedContentTypes;
            allowPrivateNetworks = from.allowPrivateNetworks;
            maxPagesPerSource = from.maxPagesPerSource;
            robotsCacheTtl = from.robotsCacheTtl;
            robotsUnavailableTtl = from.robotsUnavailableTtl;
            maxSitemapDepth = from.maxSitemapDepth;
            fetchThreads = from.fetchThreads;
            shutdownTimeout = from.shutdownTimeout;
            consumerGroup = from.consumerGroup;
            sourcesReloadInterval = from.sourcesReloadInterval;
            unresponsiveHostPause = from.unresponsiveHostPause;
            allowedNetworks = from.allowedNetworks;
        }

        public Builder userAgent(String value) {
            userAgent = value;
            return this;
        }

        public Builder perHostDelay(Duration value) {
            perHostDelay = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder maxRedirects(int value) {
            maxRedirects = value;
            return this;
        }

        public Builder maxRetries(int value) {
            maxRetries = value;
            return this;
        }

        public Builder retryBaseDelay(Duration value) {
            retryBaseDelay = value;
            return this;
        }

        public Builder maxRetryAfter(Duration value) {
            maxRetryAfter = value;
            return this;
        }

        public Builder allowedContentTypes(Set<String> value) {
            allowedContentTypes = value;
            return this;
        }

        public Builder allowPrivateNetworks(boolean value) {
            allowPrivateNetworks = value;
            return this;
        }

        public Builder maxPagesPerSource(int value) {
            maxPagesPerSource = value;
            return this;
        }

        public Builder robotsCacheTtl(Duration value) {
            robotsCacheTtl = value;
            return this;
        }

        public Builder robotsUnavailableTtl(Duration value) {
            robotsUnavailableTtl = value;
            return this;
        }

        public Builder maxSitemapDepth(int value) {
            maxSitemapDepth = value;
            return this;
        }

        public Builder fetchThreads(int value) {
            fetchThreads = value;
            return this;
        }

        public Builder shutdownTimeout(Duration value) {
            shutdownTimeout = value;
            return this;
        }

        public Builder consumerGroup(String value) {
            consumerGroup = value;
            return this;
        }

        public Builder sourcesReloadInterval(Duration value) {
            sourcesReloadInterval = value;
            return this;
        }

        public Builder unresponsiveHostPause(Duration value) {
            unresponsiveHostPause = value;
            return this;
        }

        public Builder allowedNetworks(List<String> value) {
            allowedNetworks = value;
            return this;
        }

        public CrawlerSettings build() {
            return new CrawlerSettings(userAgent, perHostDelay, maxBodyBytes, connectTimeout, requestTimeout,
                    maxRedirects, maxRetries, retryBaseDelay, maxRetryAfter, allowedContentTypes,
                    allowPrivateNetworks, maxPagesPerSource, robotsCacheTtl, robotsUnavailableTtl, maxSitemapDepth,
                    fetchThreads, shutdownTimeout, consumerGroup, sourcesReloadInterval,
                    unresponsiveHostPause, allowedNetworks);
        }
    }
}
