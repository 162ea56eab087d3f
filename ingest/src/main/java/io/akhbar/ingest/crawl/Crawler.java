package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import io.akhbar.ingest.discover.DocumentFetcher;
import io.akhbar.ingest.discover.FeedDiscovery;
import io.akhbar.ingest.discover.SectionDiscovery;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.ingest.fetch.FailureReason;
import io.akhbar.ingest.fetch.FetchResult;
import io.akhbar.ingest.fetch.HttpFetcher;
import io.akhbar.ingest.fetch.Validators;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.RawPage;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls the sources: discovers article URLs in their feeds, sitemaps and section pages, fetches the new ones
 * politely and hands each page to the sink. A pass runs discovery for all sources, then fetches grouped by host:
 * hosts in parallel on a small pool, the URLs of one host one after the other. Failures are logged and counted
 * and never stop the crawl.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final String SINK_ERROR = "sink-error";
    private static final String UNREADABLE = "unreadable";

    private final CrawlerSettings settings;
    private final List<Source> sources;
    private final RawPageSink sink;
    private final CrawlMetrics metrics;
    private final SeenUrls seen;
    private final ValidatorStore validators;
    private final HttpFetcher fetcher;
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
    private final ExecutorService workers;
    /** Candidates from earlier passes not fetched yet: over the per-source limit, or failed transiently. */
    private final Map<String, DiscoveredUrl> carriedOver = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);

    public Crawler(CrawlerSettings settings, List<Source> sources, RawPageSink sink, MeterRegistry registry) {
        this(settings, sources, sink, registry, SeenUrls.inMemory(), ValidatorStore.inMemory());
    }

    public Crawler(CrawlerSettings settings, List<Source> sources, RawPageSink sink, MeterRegistry registry,
                   SeenUrls seen, ValidatorStore validators) {
        this.settings = settings.validate();
        this.sources = List.copyOf(sources);
        this.sink = sink;
        this.metrics = new CrawlMetrics(registry);
        this.seen = seen;
        this.validators = validators;
        this.fetcher = new HttpFetcher(settings);
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.fetchThreads(), task -> {
            Thread thread = new Thread(task, "akhbar-crawler-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One pass over every source. */
    public CrawlReport crawlOnce() {
        if (closed.get()) {
            throw new IllegalStateException("the crawler is closed");
        }
        return crawl(sources);
    }

    /**
     * Polls each source again whenever its repoll interval has passed since its last pass began, until
     * {@link #close()}.
     */
    public void runForever() {
        Map<Source, Instant> nextPoll = new LinkedHashMap<>();
        sources.forEach(source -> nextPoll.put(source, Instant.now()));
        while (!closed.get()) {
            Instant now = Instant.now();
            List<Source> due = sources.stream().filter(source -> !nextPoll.get(source).isAfter(now)).toList();
            if (!due.isEmpty()) {
                try {
                    crawl(due);
                } catch (RuntimeException e) {
                    log.error("crawl pass failed, next pass goes ahead as planned", e);
                }
                due.forEach(source -> nextPoll.put(source, now.plus(source.repoll())));
            }
            long sleepMillis = nextPoll.values().stream().min(Comparator.naturalOrder())
                    .map(wakeAt -> Math.max(0, Duration.between(Instant.now(), wakeAt).toMillis()))
                    .orElse(Long.MAX_VALUE);
            try {
                closing.await(sleepMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts no new fetch, lets those in flight finish for up to the shutdown timeout, then interrupts them. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("fetches still running {} after close, interrupting them", settings.shutdownTimeout());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private CrawlReport crawl(List<Source> due) {
        CrawlTally tally = new CrawlTally();
        try {
            List<DiscoveredUrl> discovered = runAll(due.stream()
                    .<Callable<List<DiscoveredUrl>>>map(source -> () -> discover(source, tally))
                    .toList())
                    .stream().flatMap(List::stream).toList();
            Map<String, List<DiscoveredUrl>> byHost = plan(due, discovered, tally);
            runAll(byHost.values().stream()
                    .map(urls -> Executors.callable(() -> fetchOneAfterAnother(urls, tally)))
                    .toList());
        } catch (RejectedExecutionException e) {
            log.info("crawl pass cut short: the crawler is closing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("crawl pass cut short: interrupted");
        }
        CrawlReport report = tally.toReport();
        log.info("crawl pass over {} source(s): {}", due.size(), report);
        return report;
    }

    /** Runs the tasks on the pool and gathers what they return; a task that broke is logged and left out. */
    private <T> List<T> runAll(List<Callable<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> future : workers.invokeAll(tasks)) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException) {
                    log.debug("crawl task stopped: the crawler is closing");
                } else {
                    log.error("crawl task failed", e.getCause());
                }
            }
        }
        return results;
    }

    private List<DiscoveredUrl> discover(Source source, CrawlTally tally) throws InterruptedException {
        DocumentFetcher documents = url -> fetchDocument(url, source, tally);
        FeedDiscovery feeds = new FeedDiscovery(documents, canonicalizer, settings.maxSitemapDepth());
        SectionDiscovery sections = new SectionDiscovery(documents, canonicalizer);
        List<DiscoveredUrl> urls = new ArrayList<>();
        for (String feedOrSitemap : concat(source.feeds(), source.sitemaps())) {
            FeedDiscovery.Result result = feeds.discover(feedOrSitemap, source.id());
            urls.addAll(result.urls());
            result.unreadable().forEach(unreadable -> {
                tally.discoveryFailed(UNREADABLE);
                metrics.failure(source.id(), UNREADABLE);
            });
        }
        for (Source.Section section : source.sections()) {
            urls.addAll(sections.discover(section.url(), section.linkPattern(), source.id()));
        }
        metrics.discovered(source.id(), urls.size());
        return urls;
    }

    private FetchResult fetchDocument(String url, Source source, CrawlTally tally) throws InterruptedException {
        if (closed.get()) {
            throw new CancellationException("the crawler is closing");
        }
        FetchResult result = fetcher.fetch(url, validators.get(url));
        if (result instanceof FetchResult.Fetched document) {
            validators.put(url, document.validators());
            metrics.discoveryDocument(source.id(), CrawlMetrics.FETCHED);
        } else if (result instanceof FetchResult.NotModified) {
            metrics.discoveryDocument(source.id(), CrawlMetrics.NOT_MODIFIED);
        } else if (result instanceof FetchResult.Failed failed) {
            logFailure("discovery", failed, source.id());
            countFailure(failed, source.id());
            tally.discoveryFailed(failed.reason().tag());
            metrics.discoveryDocument(source.id(), CrawlMetrics.FAILED);
        }
        return result;
    }

    /**
     * Chooses what to fetch in this pass: distinct URLs not seen before, the newest first, at most the per-source
     * limit from each source; the rest are carried over. Returns them grouped by host.
     */
    private Map<String, List<DiscoveredUrl>> plan(List<Source> due, List<DiscoveredUrl> discovered,
                                                  CrawlTally tally) {
        Map<String, DiscoveredUrl> candidates = new LinkedHashMap<>();
        discovered.forEach(url -> candidates.putIfAbsent(url.url(), url));
        tally.discovered.set(candidates.size());
        Set<String> dueIds = due.stream().map(Source::id).collect(Collectors.toSet());
        for (DiscoveredUrl url : List.copyOf(carriedOver.values())) {
            if (dueIds.contains(url.source())) {
                carriedOver.remove(url.url());
                candidates.putIfAbsent(url.url(), url);
            }
        }

        Map<String, List<DiscoveredUrl>> newBySource = new HashMap<>();
        for (DiscoveredUrl url : candidates.values()) {
            if (seen.contains(url.url())) {
                tally.skippedAsSeen.incrementAndGet();
            } else {
                newBySource.computeIfAbsent(url.source(), source -> new ArrayList<>()).add(url);
            }
        }
        Map<String, List<DiscoveredUrl>> byHost = new LinkedHashMap<>();
        for (List<DiscoveredUrl> urls : newBySource.values()) {
            urls.sort(Comparator.comparing((DiscoveredUrl url) -> url.lastModified().orElse(Instant.MIN))
                    .reversed());
            for (int i = 0; i < urls.size(); i++) {
                DiscoveredUrl url = urls.get(i);
                if (i < settings.maxPagesPerSource()) {
                    byHost.computeIfAbsent(hostOf(url.url()), host -> new ArrayList<>()).add(url);
                } else {
                    carriedOver.put(url.url(), url);
                    tally.deferred.incrementAndGet();
                }
            }
        }
        return byHost;
    }

    /** Stops early when the crawler closes: a fetch in flight finishes, none is begun. */
    private void fetchOneAfterAnother(List<DiscoveredUrl> urls, CrawlTally tally) {
        try {
            for (DiscoveredUrl url : urls) {
                if (closed.get()) {
                    return;
                }
                handle(url, fetcher.fetch(url.url(), Validators.NONE), tally);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(DiscoveredUrl url, FetchResult result, CrawlTally tally) {
        if (result instanceof FetchResult.Fetched page && page.status() == 200) {
            deliver(url, page, tally);
        } else if (result instanceof FetchResult.Fetched page) {
            pageFailed(url, new FetchResult.Failed(url.url(), FailureReason.HTTP_ERROR, page.status(),
                    page.finalUrl() + ": a page must answer 200"), tally);
        } else if (result instanceof FetchResult.NotModified notModified) {
            markSeen(url.url(), notModified.finalUrl());
            tally.notModified.incrementAndGet();
            metrics.page(url.source(), CrawlMetrics.NOT_MODIFIED);
        } else if (result instanceof FetchResult.Failed failed) {
            pageFailed(url, failed, tally);
        }
    }

    private void deliver(DiscoveredUrl url, FetchResult.Fetched page, CrawlTally tally) {
        RawPage rawPage = RawPage.newBuilder()
                .setUrl(url.url())
                .setFinalUrl(page.finalUrl())
                .setSource(url.source())
                .setStatus(page.status())
                .setHeaders(headersOf(page))
                .setFetchedAt(page.fetchedAt())
                .setBody(ByteBuffer.wrap(page.body()))
                .build();
        try {
            sink.accept(ArticleKeys.of(url.url()), rawPage);
        } catch (RuntimeException e) {
            log.warn("sink refused page: {} source={} detail={}", url.url(), url.source(), e.toString());
            tally.pageFailed(SINK_ERROR);
            metrics.page(url.source(), CrawlMetrics.FAILED);
            metrics.failure(url.source(), SINK_ERROR);
            carriedOver.put(url.url(), url);
            return;
        }
        markSeen(url.url(), page.finalUrl());
        tally.fetched.incrementAndGet();
        metrics.page(url.source(), CrawlMetrics.FETCHED);
        metrics.bytes(url.source(), page.body().length);
    }

    /** The body handed on is already content-decoded, so its Content-Encoding would mislead a reader. */
    private static Map<String, String> headersOf(FetchResult.Fetched page) {
        Map<String, String> headers = new HashMap<>(page.headers());
        headers.remove("content-encoding");
        return headers;
    }

    private void pageFailed(DiscoveredUrl url, FetchResult.Failed failed, CrawlTally tally) {
        logFailure("page", failed, url.source());
        countFailure(failed, url.source());
        tally.pageFailed(failed.reason().tag());
        metrics.page(url.source(), CrawlMetrics.FAILED);
        if (failed.isTransient()) {
            carriedOver.put(url.url(), url);
        } else {
            seen.add(url.url());
        }
    }

    private void countFailure(FetchResult.Failed failed, String site) {
        metrics.failure(site, failed.reason().tag());
        if (failed.reason() == FailureReason.ROBOTS_DENIED) {
            metrics.robotsDenied(site);
        }
    }

    private static void logFailure(String what, FetchResult.Failed failed, String site) {
        String line = "{} fetch failed: {} source={} reason={} status={} detail={}";
        Object[] arguments = {what, failed.requestedUrl(), site, failed.reason().tag(), failed.status(),
                failed.detail()};
        if (failed.reason() == FailureReason.ROBOTS_DENIED) {
            log.info(line, arguments);
        } else {
            log.warn(line, arguments);
        }
    }

    /** The final URL is marked too, so that the target of a redirect is not fetched again under its own name. */
    private void markSeen(String url, String finalUrl) {
        seen.add(url);
        canonicalizer.canonicalize(finalUrl).ifPresent(seen::add);
    }

    private static String hostOf(String canonicalUrl) {
        return URI.create(canonicalUrl).getHost();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
