package io.akhbar.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of each site (scheme, host and port), downloaded once and kept for a while. When the file
 * cannot be had we do as Google does: a 4xx means the site has no rules, so everything is allowed; a 5xx or no
 * answer means the site is in trouble, so nothing is fetched until we ask again, after a shorter while.
 */
public final class RobotsCache {
    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);

    /** Fetches a robots.txt URL without consulting robots rules, which would never end. */
    @FunctionalInterface
    public interface RobotsDownloader {
        FetchResult download(String robotsTxtUrl) throws InterruptedException;
    }

    private final RobotsDownloader downloader;
    private final List<String> robotNames;
    private final Duration ttl;
    private final Duration unavailableTtl;
    private final Clock clock;
    private final ConcurrentMap<String, CachedRules> rulesBySite = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> downloadLocks = new ConcurrentHashMap<>();

    /**
     * @param userAgent the User-Agent we send; its product token ("AkhbarBot" in "AkhbarBot/0.1 (...)") is the
     *                  name robots.txt groups are matched against
     */
    public RobotsCache(RobotsDownloader downloader, String userAgent, Duration ttl, Duration unavailableTtl,
                       Clock clock) {
        this.downloader = downloader;
        this.robotNames = List.of(productToken(userAgent));
        this.ttl = ttl;
        this.unavailableTtl = unavailableTtl;
        this.clock = clock;
    }

    static String productToken(String userAgent) {
        return userAgent.trim().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    public BaseRobotRules rulesFor(URI url) throws InterruptedException {
        String site = siteOf(url);
        CachedRules cached = rulesBySite.get(site);
        if (cached != null && cached.isFresh(clock.instant())) {
            return cached.rules;
        }
        // One download per site even when several threads ask at once; other sites are not held up.
        synchronized (downloadLocks.computeIfAbsent(site, key -> new Object())) {
            cached = rulesBySite.get(site);
            if (cached == null || !cached.isFresh(clock.instant())) {
                cached = download(site + "/robots.txt");
                rulesBySite.put(site, cached);
            }
            return cached.rules;
        }
    }

    private CachedRules download(String robotsTxtUrl) throws InterruptedException {
        FetchResult result = downloader.download(robotsTxtUrl);
        Instant now = clock.instant();
        if (result instanceof FetchResult.Fetched fetched) {
            String contentType = fetched.contentType().orElse("text/plain");
            // A parser per file: it keeps a count of warnings, so sharing one across threads is not safe.
            BaseRobotRules rules = new SimpleRobotRulesParser()
                    .parseContent(robotsTxtUrl, fetched.body(), contentType, robotNames);
            return new CachedRules(rules, now.plus(ttl));
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        if (meansNoRules(failed)) {
            return new CachedRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(ttl));
        }
        log.warn("robots.txt unavailable, site closed for {}: {} reason={} status={} detail={}",
                unavailableTtl, robotsTxtUrl, failed.reason().tag(), failed.status(), failed.detail());
        return new CachedRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), now.plus(unavailableTtl));
    }

    /** A client error or a redirect tangle says the site publishes no rules; anything else may be temporary. */
    private static boolean meansNoRules(FetchResult.Failed failed) {
        return switch (failed.reason()) {
            case HTTP_ERROR -> failed.status() >= 400 && failed.status() < 500 && failed.status() != 429;
            case REDIRECT_LOOP, TOO_MANY_REDIRECTS -> true;
            default -> false;
        };
    }

    private static String siteOf(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() == -1 ? scheme + "://" + host : scheme + "://" + host + ":" + url.getPort();
    }

    private record CachedRules(BaseRobotRules rules, Instant expiresAt) {
        boolean isFresh(Instant now) {
            return now.isBefore(expiresAt);
        }
    }
}
