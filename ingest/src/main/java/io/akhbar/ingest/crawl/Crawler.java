package io.akhbar.ingest.crawl;

import io.akhbar.ingest.discover.DiscoveredUrl;
import io.akhbar.ingest.discover.DocumentFetcher;
import io.akhbar.ingest.discover.FeedDiscovery;
import io.akhbar.ingest.discover.SitemapIndexes;
import io.akhbar.ingest.discover.SectionDiscovery;
import io.akhbar.ingest.discover.UrlCanonicalizer;
import io.akhbar.ingest.fetch.FailureReason;
import io.akhbar.ingest.fetch.FetchResult;
import io.akhbar.ingest.fetch.HttpFetcher;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.CrawlOutcome;
import io.akhbar.model.CrawlState;
import io.akhbar.model.CrawledKind;
import io.akhbar.model.RawPage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls the sources: discovers article URLs in their feeds, sitemaps and section pages, hands the new ones to the
 * frontier, fetches politely what the frontier gives this instance, and hands each page to the sink. Fetching is
 * grouped by host: hosts in parallel on a small pool, the URLs of one host one after the other. What it learns of
 * each URL goes to the crawl state, so that nothing known is fetched twice. Failures are logged and counted and
 * never stop the crawl.
 *
 * <p>With a shared frontier several instances crawl together: each polls the sources that live on its hosts and
 * fetches the pages of its hosts.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final String SINK_ERROR = "sink-error";
    private static final String UNREADABLE = "unreadable";
    /** Statuses by which a site keeps a crawler out rather than failing. */
    private static final Set<Integer> BLOCKING_STATUSES = Set.of(401, 403, 429, 451);
    /** How long the loop sleeps at most, so that hosts handed to this instance are polled soon. */
    private static final Duration OWNERSHIP_CHECK = Duration.ofSeconds(1);
    private static final Duration OWNERSHIP_WAIT = Duration.ofMinutes(1);

    private final CrawlerSettings settings;
    private volatile List<Source> sources;
    private final RawPageSink sink;
    private final CrawlMetrics metrics;
    private final CrawlStateStore states;
    private final Frontier frontier;
    private final HttpFetcher fetcher;
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
    private final SitemapIndexes sitemapIndexes = new SitemapIndexes();
    private final ExecutorService discoverers;
    private final ExecutorService fetchers;
    private final HostLanes lanes;
    /** Candidates from earlier passes not fetched yet: over the per-source limit, or failed transiently. */
    private final Map<String, DiscoveredUrl> carriedOver = new ConcurrentHashMap<>();
    /**
     * URLs of this instance's hosts handed to the frontier and not taken up by a fetch yet. Every poll of a source
     * lists them again while they wait, and queueing them again would cost the frontier an entry each time.
     */
    private final Set<String> awaitingFetch = ConcurrentHashMap.newKeySet();
    /** The counts fetches add to: those of the pass running, or of the last one. */
    private volatile CrawlTally tally = new CrawlTally();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** A crawler on its own, remembering what it fetched until it ends. */
    public Crawler(CrawlerSettings settings, List<Source> sources, RawPageSink sink, MeterRegistry registry) {
        this(settings, sources, sink, registry, CrawlStateStore.inMemory(), Frontier.inProcess());
    }

    public Crawler(CrawlerSettings settings, List<Source> sources, RawPageSink sink, MeterRegistry registry,
                   CrawlStateStore states, Frontier frontier) {
        this.settings = settings.validate();
        this.sources = List.copyOf(sources);
        this.sink = sink;
        this.metrics = new CrawlMetrics(registry);
        this.states = states;
        this.frontier = frontier;
        this.fetcher = new HttpFetcher(settings);
        this.discoverers = pool("akhbar-discovery-", settings.fetchThreads());
        this.fetchers = pool("akhbar-fetch-", settings.fetchThreads());
        this.lanes = new HostLanes(fetchers, this::fetchQueued);
        Gauge.builder("akhbar.crawl.fetch.queue", lanes, HostLanes::size)
                .description("URLs this instance has queued or in flight").register(registry);
        frontier.start(new OwnedLanes());
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One pass over every source this instance is responsible for; returns once the frontier has no URL left for
     * this instance, so the report counts the fetches too.
     */
    public CrawlReport crawlOnce() {
        if (closed.get()) {
            throw new IllegalStateException("the crawler is closed");
        }
        try {
            if (!frontier.awaitOwnership(OWNERSHIP_WAIT)) {
                log.warn("no hosts handed to this crawler within {}: nothing to crawl", OWNERSHIP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CrawlTally().toReport();
        }
        return crawl(sources.stream().filter(this::owns).toList(), true);
    }

    /**
     * Polls each source this instance is responsible for again whenever its repoll interval has passed since its
     * last pass began, until {@link #close()}. A source handed over from another instance is polled at once.
     */
    public void runForever() {
        Map<String, Instant> nextPoll = new HashMap<>();
        while (!closed.get()) {
            Instant now = Instant.now();
            List<Source> current = sources;
            Set<String> ids = current.stream().map(Source::id).collect(Collectors.toSet());
            nextPoll.keySet().retainAll(ids);
            current.stream().filter(source -> !owns(source)).forEach(source -> nextPoll.remove(source.id()));
            List<Source> due = current.stream().filter(this::owns)
                    .filter(source -> !nextPoll.getOrDefault(source.id(), now).isAfter(now)).toList();
            if (!due.isEmpty()) {
                try {
                    crawl(due, false);
                } catch (RuntimeException e) {
                    log.error("crawl pass failed, next pass goes ahead as planned", e);
                }
                due.forEach(source -> nextPoll.put(source.id(), now.plus(source.repoll())));
            }
            long sleepMillis = nextPoll.values().stream().min(Comparator.naturalOrder())
                    .map(wakeAt -> Math.max(0, Duration.between(Instant.now(), wakeAt).toMillis()))
                    .orElse(Long.MAX_VALUE);
            try {
                closing.await(Math.min(sleepMillis, OWNERSHIP_CHECK.toMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Crawls these sources from the next poll on: new ones are polled at once, removed ones no more, and their
     * pages still queued are dropped.
     */
    public void updateSources(List<Source> updated) {
        Set<String> before = sources.stream().map(Source::id).collect(Collectors.toSet());
        Set<String> after = updated.stream().map(Source::id).collect(Collectors.toSet());
        sources = List.copyOf(updated);
        carriedOver.values().removeIf(url -> !after.contains(url.source()));
        log.info("sources updated: {} now, added {}, removed {}", after.size(),
                after.stream().filter(id -> !before.contains(id)).sorted().toList(),
                before.stream().filter(id -> !after.contains(id)).sorted().toList());
    }

    /**
     * Starts no new fetch, hands the hosts back (a shared frontier lets fetches in flight finish and records what
     * was done), then lets what is still running finish for up to the shutdown timeout and interrupts it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        frontier.close();
        discoverers.shutdownNow();
        fetchers.shutdown();
        try {
            if (!fetchers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("fetches still running {} after close, interrupting them", settings.shutdownTimeout());
                fetchers.shutdownNow();
            }
        } catch (InterruptedException e) {
            fetchers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private boolean owns(Source source) {
        return frontier.owns(source.host());
    }

    private CrawlReport crawl(List<Source> due, boolean awaitFetches) {
        CrawlTally passTally = new CrawlTally();
        tally = passTally;
        try {
            List<DiscoveredUrl> discovered = runAll(due.stream()
                    .<Callable<List<DiscoveredUrl>>>map(source -> () -> discover(source, passTally))
                    .toList())
                    .stream().flatMap(List::stream).toList();
            for (DiscoveredUrl url : plan(due, discovered, passTally)) {
                offer(url);
                passTally.queued.incrementAndGet();
                metrics.queued(url.source());
            }
            frontier.flush();
            if (awaitFetches) {
                frontier.awaitFetched();
            }
        } catch (RejectedExecutionException e) {
            log.info("crawl pass cut short: the crawler is closing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("crawl pass cut short: interrupted");
        }
        CrawlReport report = passTally.toReport();
        log.info("crawl pass over {} source(s): {}", due.size(), report);
        return report;
    }

    /** Runs discovery tasks and gathers what they return; a task that broke is logged and left out. */
    private <T> List<T> runAll(List<Callable<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> future : discoverers.invokeAll(tasks)) {
            try {
                results.add(future.get());
            } catch (CancellationException e) {
                log.debug("discovery stopped: the crawler is closing");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException || e.getCause() instanceof InterruptedException) {
                    log.debug("discovery stopped: {}", e.getCause().getMessage());
                } else {
                    log.error("discovery task failed", e.getCause());
                }
            }
        }
        return results;
    }

    private List<DiscoveredUrl> discover(Source source, CrawlTally passTally) throws InterruptedException {
        DocumentFetcher documents = new DocumentFetcher() {
            @Override
            public FetchResult fetch(String url) throws InterruptedException {
                return fetchDocument(url, source, passTally, true);
            }

            @Override
            public FetchResult fetchWhole(String url) throws InterruptedException {
                return fetchDocument(url, source, passTally, false);
            }
        };
        FeedDiscovery feeds = new FeedDiscovery(documents, canonicalizer, settings.maxSitemapDepth(), sitemapIndexes);
        SectionDiscovery sections = new SectionDiscovery(documents, canonicalizer);
        List<DiscoveredUrl> urls = new ArrayList<>();
        for (String feedOrSitemap : concat(source.feeds(), source.sitemaps())) {
            FeedDiscovery.Result result = feeds.discover(feedOrSitemap, source.id());
            urls.addAll(result.urls());
            result.unreadable().forEach(unreadable -> {
                passTally.discoveryFailed(UNREADABLE);
                metrics.failure(source.id(), UNREADABLE);
            });
        }
        for (Source.Section section : source.sections()) {
            urls.addAll(sections.discover(section.url(), section.linkPattern(), source.id()));
        }
        metrics.discovered(source.id(), urls.size());
        return urls;
    }

    /**
     * Fetches a feed, sitemap or section page as a visitor of its host's lane, so that handing the host over waits
     * for it; a source handed over meanwhile is not polled further.
     *
     * @param conditional whether to send the remembered validators and answer {@link FetchResult.NotModified} for
     *                    a body identical to the last one (many sites send no validators for their sitemaps)
     */
    private FetchResult fetchDocument(String url, Source source, CrawlTally passTally, boolean conditional)
            throws InterruptedException {
        if (closed.get()) {
            throw new CancellationException("the crawler is closing");
        }
        Optional<String> host = hostIfAny(url);
        if (host.isPresent() && !lanes.enter(host.get(), () -> owns(source))) {
            throw new CancellationException("source " + source.id() + " was handed to another crawler instance");
        }
        try {
            return fetchDocumentOfOwnedSource(url, source, passTally, conditional);
        } finally {
            host.ifPresent(lanes::leave);
        }
    }

    private FetchResult fetchDocumentOfOwnedSource(String url, Source source, CrawlTally passTally,
                                                   boolean conditional) throws InterruptedException {
        Optional<CrawlState> known = conditional ? CrawlStates.asKind(states.get(url), CrawledKind.DISCOVERY)
                : Optional.empty();
        FetchResult result = fetcher.fetch(url, CrawlStates.validators(known));
        if (result instanceof FetchResult.Fetched document) {
            String hash = sha256(document.body());
            boolean unchanged = known.isPresent() && document.status() == 200
                    && hash.equals(known.get().getContentHash());
            states.put(CrawlStates.withValidators(CrawlStates.of(url, source.id(), CrawledKind.DISCOVERY,
                    unchanged ? CrawlOutcome.UNCHANGED : CrawlOutcome.FETCHED, document.fetchedAt()),
                    document.validators()).setHttpStatus(document.status()).setContentHash(hash).build());
            metrics.succeeded(source.id());
            if (unchanged) {
                metrics.discoveryDocument(source.id(), CrawlMetrics.UNCHANGED);
                return new FetchResult.NotModified(url, document.finalUrl());
            }
            metrics.discoveryDocument(source.id(), CrawlMetrics.FETCHED);
        } else if (result instanceof FetchResult.NotModified) {
            metrics.discoveryDocument(source.id(), CrawlMetrics.NOT_MODIFIED);
            metrics.succeeded(source.id());
        } else if (result instanceof FetchResult.Failed failed) {
            logFailure("discovery", failed, source.id());
            countFailure(failed, source.id());
            passTally.discoveryFailed(failed.reason().tag());
            metrics.discoveryDocument(source.id(), CrawlMetrics.FAILED);
        }
        return result;
    }

    private static Optional<String> hostIfAny(String url) {
        try {
            return Optional.ofNullable(new URI(url).getHost());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Chooses what to hand to the frontier in this pass: distinct URLs not known yet, or dated by their source
     * after our last fetch, the newest first, at most the per-source limit from each source, the sources taking
     * turns; the rest are carried over.
     */
    private List<DiscoveredUrl> plan(List<Source> due, List<DiscoveredUrl> discovered, CrawlTally passTally) {
        Map<String, DiscoveredUrl> candidates = new LinkedHashMap<>();
        discovered.forEach(url -> candidates.putIfAbsent(url.url(), url));
        passTally.discovered.set(candidates.size());
        Set<String> dueIds = due.stream().map(Source::id).collect(Collectors.toSet());
        for (DiscoveredUrl url : List.copyOf(carriedOver.values())) {
            if (dueIds.contains(url.source())) {
                carriedOver.remove(url.url());
                candidates.putIfAbsent(url.url(), url);
            }
        }

        Map<String, List<DiscoveredUrl>> wantedBySource = new LinkedHashMap<>();
        for (DiscoveredUrl url : candidates.values()) {
            if (!awaitingFetch.contains(url.url())
                    && CrawlStates.needsFetch(states.get(url.url()), url.lastModified())) {
                wantedBySource.computeIfAbsent(url.source(), source -> new ArrayList<>()).add(url);
            } else {
                passTally.skippedAsSeen.incrementAndGet();
            }
        }
        List<List<DiscoveredUrl>> plannedBySource = new ArrayList<>();
        for (List<DiscoveredUrl> urls : wantedBySource.values()) {
            urls.sort(Comparator.comparing((DiscoveredUrl url) -> url.lastModified().orElse(Instant.MIN))
                    .reversed());
            List<DiscoveredUrl> planned = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                if (i < settings.maxPagesPerSource()) {
                    planned.add(urls.get(i));
                } else {
                    carriedOver.put(urls.get(i).url(), urls.get(i));
                    passTally.deferred.incrementAndGet();
                }
            }
            plannedBySource.add(planned);
        }
        return TakingTurns.of(plannedBySource);
    }

    /**
     * Remembers the URL as awaiting its fetch while its host is this instance's: added before it is offered, since
     * a fetch may take it up at once, and checked after, since the frontier takes hosts away before it drops their
     * URLs.
     */
    private void offer(DiscoveredUrl url) {
        awaitingFetch.add(url.url());
        if (!frontier.owns(HostLanes.hostOf(url.url()))) {
            awaitingFetch.remove(url.url());
        }
        frontier.offer(url, () -> awaitingFetch.remove(url.url()));
    }

    /**
     * Fetches one URL the frontier gave this instance, unless it became known meanwhile (another pass queued it
     * too) or its source was removed. Returns false, leaving it for later, when the crawler is closing.
     */
    private boolean fetchQueued(DiscoveredUrl url) throws InterruptedException {
        awaitingFetch.remove(url.url());
        if (closed.get()) {
            return false;
        }
        CrawlTally current = tally;
        if (sources.stream().noneMatch(source -> source.id().equals(url.source()))) {
            log.debug("not fetching {}: source {} was removed", url.url(), url.source());
            return true;
        }
        Optional<CrawlState> known = CrawlStates.asKind(states.get(url.url()), CrawledKind.PAGE);
        if (!CrawlStates.needsFetch(known, url.lastModified())) {
            current.skippedAsSeen.incrementAndGet();
            return true;
        }
        handle(url, known, fetcher.fetch(url.url(), CrawlStates.validators(known)), current);
        return true;
    }

    private void handle(DiscoveredUrl url, Optional<CrawlState> known, FetchResult result, CrawlTally current) {
        if (result instanceof FetchResult.Fetched page && page.status() == 200) {
            String hash = sha256(page.body());
            metrics.succeeded(url.source());
            if (known.isPresent() && hash.equals(known.get().getContentHash())) {
                unchanged(url, page.finalUrl(), CrawlStates.withValidators(
                        CrawlState.newBuilder(known.get()), page.validators()), page.status(), current);
            } else {
                deliver(url, page, hash, current);
            }
        } else if (result instanceof FetchResult.Fetched page) {
            pageFailed(url, new FetchResult.Failed(url.url(), FailureReason.HTTP_ERROR, page.status(),
                    page.finalUrl() + ": a page must answer 200"), current);
        } else if (result instanceof FetchResult.NotModified notModified) {
            metrics.succeeded(url.source());
            unchanged(url, notModified.finalUrl(), known.map(CrawlState::newBuilder)
                    .orElseGet(() -> CrawlState.newBuilder().setKind(CrawledKind.PAGE)), 304, current);
        } else if (result instanceof FetchResult.Failed failed) {
            pageFailed(url, failed, current);
        }
    }

    /** A page checked again that has not changed: nothing is handed on, and the check is remembered. */
    private void unchanged(DiscoveredUrl url, String finalUrl, CrawlState.Builder state, int status,
                           CrawlTally current) {
        remember(state.setUrl(url.url()).setSource(url.source()).setOutcome(CrawlOutcome.UNCHANGED)
                .setHttpStatus(status).setFetchedAt(Instant.now()).build(), finalUrl);
        current.notModified.incrementAndGet();
        metrics.page(url.source(), CrawlMetrics.NOT_MODIFIED);
    }

    private void deliver(DiscoveredUrl url, FetchResult.Fetched page, String hash, CrawlTally current) {
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
            current.pageFailed(SINK_ERROR);
            metrics.page(url.source(), CrawlMetrics.FAILED);
            metrics.failure(url.source(), SINK_ERROR);
            carriedOver.put(url.url(), url);
            return;
        }
        remember(CrawlStates.withValidators(CrawlStates.of(url.url(), url.source(), CrawledKind.PAGE,
                CrawlOutcome.FETCHED, page.fetchedAt()), page.validators())
                .setHttpStatus(page.status()).setContentHash(hash).build(), page.finalUrl());
        current.fetched.incrementAndGet();
        metrics.page(url.source(), CrawlMetrics.FETCHED);
        metrics.bytes(url.source(), page.body().length);
    }

    /** The body handed on is already content-decoded, so its Content-Encoding would mislead a reader. */
    private static Map<String, String> headersOf(FetchResult.Fetched page) {
        Map<String, String> headers = new HashMap<>(page.headers());
        headers.remove("content-encoding");
        return headers;
    }

    private void pageFailed(DiscoveredUrl url, FetchResult.Failed failed, CrawlTally current) {
        logFailure("page", failed, url.source());
        countFailure(failed, url.source());
        current.pageFailed(failed.reason().tag());
        metrics.page(url.source(), CrawlMetrics.FAILED);
        if (failed.isTransient()) {
            carriedOver.put(url.url(), url);
        } else {
            states.put(CrawlStates.of(url.url(), url.source(), CrawledKind.PAGE, CrawlOutcome.REFUSED, Instant.now())
                    .setHttpStatus(failed.status()).setReason(failed.reason().tag()).build());
        }
    }

    private void countFailure(FetchResult.Failed failed, String site) {
        metrics.failure(site, failed.reason().tag());
        if (failed.reason() == FailureReason.ROBOTS_DENIED) {
            metrics.robotsDenied(site);
        }
        if (failed.reason() == FailureReason.HTTP_ERROR && BLOCKING_STATUSES.contains(failed.status())) {
            metrics.blocked(site, failed.status());
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

    /**
     * Stores the state under the URL, and under the canonical final URL too, so that the target of a redirect is
     * not fetched again under its own name.
     */
    private void remember(CrawlState state, String finalUrl) {
        states.put(state);
        canonicalizer.canonicalize(finalUrl).filter(canonical -> !canonical.equals(state.getUrl()))
                .ifPresent(canonical -> states.put(CrawlState.newBuilder(state).setUrl(canonical).build()));
    }

    /** The lanes, as the frontier hands URLs in and takes hosts away: their URLs no longer await a fetch here. */
    private final class OwnedLanes implements FetchQueue {
        @Override
        public void submit(DiscoveredUrl url, Runnable whenDone) {
            lanes.submit(url, whenDone);
        }

        @Override
        public void drop(Predicate<String> hosts) {
            awaitingFetch.removeIf(url -> hosts.test(HostLanes.hostOf(url)));
            lanes.drop(hosts);
        }

        @Override
        public boolean awaitIdle(Predicate<String> hosts, Duration timeout) throws InterruptedException {
            return lanes.awaitIdle(hosts, timeout);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
