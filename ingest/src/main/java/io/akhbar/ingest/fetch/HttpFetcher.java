package io.akhbar.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import io.akhbar.ingest.crawl.CrawlerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches URLs the way a polite crawler must: robots.txt obeyed, one request at a time per host with a pause
 * between, redirects followed by hand so that every hop passes the address policy and robots.txt, transient
 * failures retried with backoff, bodies limited in size and time, servers that stop answering left alone for a
 * while. Thread-safe; meant to be shared.
 */
public final class HttpFetcher {
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    /** Google reads at most 500 KiB of a robots.txt. */
    private static final int MAX_ROBOTS_TXT_BYTES = 500 * 1024;
    private static final Set<String> KEPT_HEADERS = Set.of(
            "content-type", "etag", "last-modified", "content-encoding", "location", "retry-after");
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
    /** Keeps the doubling of the backoff delay from overflowing. */
    private static final int MAX_BACKOFF_DOUBLINGS = 16;

    private final CrawlerSettings settings;
    private final HttpClient client;
    private final AddressPolicy addressPolicy;
    private final HostPoliteness politeness = new HostPoliteness();
    private final HostHealth health;
    private final RobotsCache robots;
    private final String acceptedTypes;

    public HttpFetcher(CrawlerSettings settings) {
        this(settings, HostResolver.SYSTEM);
    }

    public HttpFetcher(CrawlerSettings settings, HostResolver resolver) {
        this.settings = settings.validate();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // With one request at a time per host HTTP/2 has nothing to multiplex, and some servers
                // mishandle the cleartext upgrade it attempts.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.addressPolicy = new AddressPolicy(settings.allowPrivateNetworks(),
                settings.allowedNetworks().stream().map(AddressRange::parse).toList(), resolver);
        this.robots = new RobotsCache(this::downloadRobotsTxt, settings.userAgent(), settings.robotsCacheTtl(),
                settings.robotsUnavailableTtl(), Clock.systemUTC());
        this.acceptedTypes = String.join(", ", new TreeSet<>(settings.allowedContentTypes()));
        this.health = new HostHealth(settings.unresponsiveHostPause(), Clock.systemUTC());
    }

    /**
     * Fetches a page, feed or sitemap. With validators from an earlier fetch the request is conditional and an
     * unchanged document comes back as {@link FetchResult.NotModified}.
     */
    public FetchResult fetch(String url, Validators validators) throws InterruptedException {
        return followRedirects(url, validators, Purpose.DOCUMENT);
    }

    private FetchResult downloadRobotsTxt(String url) throws InterruptedException {
        return followRedirects(url, Validators.NONE, Purpose.ROBOTS_TXT);
    }

    /** robots.txt itself is fetched without asking robots.txt, whatever its content type, with Google's limit. */
    private enum Purpose { DOCUMENT, ROBOTS_TXT }

    private FetchResult followRedirects(String url, Validators validators, Purpose purpose)
            throws InterruptedException {
        URI target;
        try {
            target = Urls.parse(url);
        } catch (URISyntaxException e) {
            return failure(url, FailureReason.BAD_URL, 0, e.getMessage());
        }
        Set<URI> visited = new HashSet<>();
        visited.add(target);
        for (int redirects = 0; ; redirects++) {
            Optional<FetchResult.Failed> refusal = refusal(url, target, purpose);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            Exchange exchange = sendWithRetries(target, validators, purpose, pauseAfterRequest(target, purpose));
            if (exchange instanceof Exchange.NoResponse none) {
                noAnswer(target, none);
                return failure(url, none.reason(), 0, target + ": " + none.detail());
            }
            health.answered(serverOf(target));
            Exchange.Response response = (Exchange.Response) exchange;
            int status = response.status();
            if (REDIRECT_STATUSES.contains(status)) {
                String location = response.headers().get("location");
                if (location == null) {
                    return failure(url, FailureReason.HTTP_ERROR, status, target + ": redirect without Location");
                }
                URI next;
                try {
                    next = Urls.resolve(target, location);
                } catch (URISyntaxException e) {
                    return failure(url, FailureReason.BAD_URL, status, target + " redirects to " + location);
                }
                if (!visited.add(next)) {
                    return failure(url, FailureReason.REDIRECT_LOOP, status, target + " redirects back to " + next);
                }
                if (redirects == settings.maxRedirects()) {
                    return failure(url, FailureReason.TOO_MANY_REDIRECTS, status,
                            "more than " + settings.maxRedirects() + " redirects, the last to " + next);
                }
                target = next;
                continue;
            }
            if (status == 304) {
                return new FetchResult.NotModified(url, target.toString());
            }
            if (status / 100 != 2) {
                return failure(url, FailureReason.HTTP_ERROR, status, target.toString());
            }
            if (response.body() instanceof ResponseBody.Refused refused) {
                return failure(url, refused.reason(), status, target + ": " + refused.detail());
            }
            byte[] body = ((ResponseBody.Received) response.body()).bytes();
            return new FetchResult.Fetched(url, target.toString(), status, response.headers(), body, Instant.now());
        }
    }

    private Optional<FetchResult.Failed> refusal(String url, URI target, Purpose purpose)
            throws InterruptedException {
        try {
            Optional<String> refused = addressPolicy.refusal(target);
            if (refused.isPresent()) {
                return Optional.of(failure(url, FailureReason.REFUSED_ADDRESS, 0, target + ": " + refused.get()));
            }
        } catch (UnknownHostException e) {
            return Optional.of(failure(url, FailureReason.NETWORK_ERROR, 0, "unknown host " + target.getHost()));
        }
        Optional<Instant> leftAlone = health.leftAloneUntil(serverOf(target));
        if (leftAlone.isPresent()) {
            return Optional.of(failure(url, FailureReason.UNRESPONSIVE_HOST, 0,
                    target + ": " + serverOf(target) + " left alone until " + leftAlone.get()));
        }
        if (purpose == Purpose.DOCUMENT && !robots.rulesFor(target).isAllowed(target.toString())) {
            return Optional.of(failure(url, FailureReason.ROBOTS_DENIED, 0, target.toString()));
        }
        return Optional.empty();
    }

    private void noAnswer(URI target, Exchange.NoResponse none) {
        health.noAnswer(serverOf(target)).ifPresent(until -> log.warn(
                "server unresponsive, left alone until {}: {} gave no answer to {} fetches in a row, the last {}: {}",
                until, serverOf(target), HostHealth.FAILURES_IN_A_ROW, target, none.detail()));
    }

    /** Host and port: a health verdict is about one server, and one machine may run several. */
    private static String serverOf(URI target) {
        return target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
    }

    private Duration pauseAfterRequest(URI target, Purpose purpose) throws InterruptedException {
        if (purpose == Purpose.ROBOTS_TXT) {
            return settings.perHostDelay();
        }
        long crawlDelayMillis = robots.rulesFor(target).getCrawlDelay();
        return crawlDelayMillis == BaseRobotRules.UNSET_CRAWL_DELAY
                ? settings.perHostDelay()
                : max(settings.perHostDelay(), Duration.ofMillis(crawlDelayMillis));
    }

    private Exchange sendWithRetries(URI target, Validators validators, Purpose purpose, Duration pause)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (HostPoliteness.Permit permit = politeness.acquire(target.getHost(), pause)) {
                Exchange exchange = send(target, validators, purpose);
                Optional<Duration> retryIn = attempt < settings.maxRetries()
                        ? retryDelay(exchange, attempt)
                        : Optional.empty();
                if (retryIn.isEmpty()) {
                    return exchange;
                }
                log.debug("retrying {} in {} after {}", target, retryIn.get(), exchange);
                // The host as a whole waits, so that other URLs queued for it do not hammer it meanwhile.
                permit.deferNextRequestBy(retryIn.get());
            }
        }
    }

    private Optional<Duration> retryDelay(Exchange exchange, int attempt) {
        if (exchange instanceof Exchange.NoResponse none) {
            return none.reason() == FailureReason.TIMEOUT || none.reason() == FailureReason.NETWORK_ERROR
                    ? Optional.of(backoff(attempt))
                    : Optional.empty();
        }
        Exchange.Response response = (Exchange.Response) exchange;
        if (!RETRIED_STATUSES.contains(response.status())) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = response.status() == 429 || response.status() == 503
                ? parseRetryAfter(response.headers().get("retry-after"))
                : Optional.empty();
        return Optional.of(retryAfter.map(asked -> min(asked, settings.maxRetryAfter())).orElse(backoff(attempt)));
    }

    /** Exponential, with "equal jitter": half the delay is fixed, half random, so retries do not bunch up. */
    private Duration backoff(int attempt) {
        long delay = settings.retryBaseDelay().toMillis() << Math.min(attempt, MAX_BACKOFF_DOUBLINGS);
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Exchange send(URI target, Validators validators, Purpose purpose) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", purpose == Purpose.DOCUMENT ? acceptedTypes : "text/plain")
                .header("Accept-Encoding", "gzip, br");
        validators.etag().ifPresent(etag -> request.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
        int limit = purpose == Purpose.DOCUMENT ? settings.maxBodyBytes() : MAX_ROBOTS_TXT_BYTES;

        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        HttpResponse<ResponseBody> response;
        try {
            // Not sendAsync: it completes every response on the common pool, which on two cores or fewer means a
            // new thread per response.
            response = client.send(request.build(), info -> bodySubscriber(info, purpose, limit, deadline));
        } catch (IOException e) {
            return noResponse(e);
        }
        Map<String, String> headers = keptHeaders(response.headers());
        ResponseBody body = response.body();
        if (body instanceof ResponseBody.Received received && response.statusCode() / 100 == 2) {
            body = ContentDecoding.decode(received.bytes(), headers.get("content-encoding"), limit);
        }
        return new Exchange.Response(response.statusCode(), headers, body);
    }

    private HttpResponse.BodySubscriber<ResponseBody> bodySubscriber(HttpResponse.ResponseInfo info,
                                                                     Purpose purpose, int limit, long deadline) {
        if (purpose == Purpose.DOCUMENT && info.statusCode() / 100 == 2) {
            Optional<String> problem = contentTypeProblem(info.headers().firstValue("content-type"));
            if (problem.isPresent()) {
                return ResponseBody.refusing(FailureReason.BAD_CONTENT_TYPE, problem.get());
            }
        }
        long declaredLength = declaredLength(info.headers());
        if (declaredLength > limit) {
            return ResponseBody.refusing(FailureReason.TOO_LARGE,
                    "Content-Length " + declaredLength + " exceeds " + limit + " bytes");
        }
        return ResponseBody.collecting(limit, Duration.ofNanos(deadline - System.nanoTime()),
                "no complete response within " + settings.requestTimeout());
    }

    private Optional<String> contentTypeProblem(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return Optional.of("no Content-Type");
        }
        String mediaType = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return settings.allowedContentTypes().contains(mediaType)
                ? Optional.empty()
                : Optional.of("Content-Type " + mediaType + " is not accepted");
    }

    private static long declaredLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("content-length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** send wraps most failures in a plain IOException; the one it wraps says what went wrong. */
    private static Exchange noResponse(IOException error) {
        Throwable cause = error.getClass() == IOException.class && error.getCause() != null ? error.getCause() : error;
        return cause instanceof HttpTimeoutException
                ? new Exchange.NoResponse(FailureReason.TIMEOUT, cause.getMessage())
                : new Exchange.NoResponse(FailureReason.NETWORK_ERROR,
                        cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static Map<String, String> keptHeaders(HttpHeaders headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            headers.firstValue(name).ifPresent(value -> kept.put(name, value));
        }
        return kept;
    }

    private static FetchResult.Failed failure(String url, FailureReason reason, int status, String detail) {
        return new FetchResult.Failed(url, reason, status, detail);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One request and its response, or why none came. */
    private sealed interface Exchange {
        record Response(int status, Map<String, String> headers, ResponseBody body) implements Exchange {
        }

        record NoResponse(FailureReason reason, String detail) implements Exchange {
        }
    }
}
