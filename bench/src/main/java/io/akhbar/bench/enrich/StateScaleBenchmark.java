package io.akhbar.bench.enrich;

import io.akhbar.enrich.BoundedRocksDb;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.LshBands;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.story.BandProcessor;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.ExtractionInfo;
import io.akhbar.model.StoreNames;
import io.akhbar.model.internal.BandMember;
import io.akhbar.model.internal.BandMembers;
import io.akhbar.model.internal.BandProbe;
import io.akhbar.model.internal.BandReply;
import io.akhbar.model.internal.BandSignature;
import io.akhbar.model.internal.StoryMatch;
import io.akhbar.model.internal.StoryState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * State at scale: {@code N} synthetic near-unique articles (default 10 million) within one dedup window, held in the
 * enrich stream's RocksDB stores, with the heap it takes. The stores are filled directly with what the processors
 * leave per article: its band buckets (ten by default) and its signature sketch (band stores), its story state and its
 * content of about 100 words (story stores). Then the band processor itself looks up new articles against that
 * state, one in a hundred a near copy of a stored one. Kafka is not involved: the stores get a mock processor
 * context and keep no changelog.
 *
 * <p>With {@code --lost-buckets}, the band buckets are left empty, as after a crash (they have no changelog): the
 * first lookup then makes the band processor rebuild them from the signatures, and its time is printed apart.
 *
 * <p>Run it with the heap it claims to fit in, e.g. {@code BENCH_JAVA_OPTS=-Xmx512m bench/run ... [N] [--lost-buckets]}. Printed: the
 * articles per second of the state work, the heap used after a full collection and at its peak, the process's
 * resident memory (RocksDB lives off the heap, bounded by {@link BoundedRocksDb}), and the state's size on disk.
 */
public final class StateScaleBenchmark {
    private static final int COPY_EVERY = 100;
    private static final int WORDS_PER_ARTICLE = 100;
    private static final long REPORT_EVERY = 250_000;
    private static final int PROBES = 20_000;

    private StateScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        boolean lostBuckets = arguments.contains("--lost-buckets");
        long articles = arguments.stream().filter(arg -> !arg.startsWith("--")).findFirst().map(Long::parseLong)
                .orElse(10_000_000L);
        EnrichSettings settings = EnrichSettings.defaults();
        Path stateDir = Files.createTempDirectory("akhbar-bench-state");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-state-scale");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.putAll(BoundedRocksDb.streamsConfig());
        MockProcessorContext<String, BandReply> context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile());

        Duration retention = settings.bandRetention();
        WindowStore<String, BandMembers> buckets = init(context, Stores.windowStoreBuilder(Stores.persistentWindowStore(
                StoreNames.BAND_BUCKETS, retention, settings.bandSlot(), false), AkhbarSerdes.KEY, AkhbarSerdes.BAND_MEMBERS)
                .withLoggingDisabled().build());
        WindowStore<String, BandSignature> signatures = init(context, Stores.windowStoreBuilder(Stores.persistentWindowStore(
                StoreNames.BAND_SIGNATURES, retention, settings.window(), false), AkhbarSerdes.KEY, AkhbarSerdes.BAND_SIGNATURE)
                .withLoggingDisabled().build());
        KeyValueStore<String, StoryState> stories = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.STORIES), AkhbarSerdes.KEY, AkhbarSerdes.STORY_STATE)
                .withLoggingDisabled().build());
        KeyValueStore<String, byte[]> received = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECEIVED_ARTICLES), AkhbarSerdes.KEY, Serdes.ByteArray())
                .withLoggingDisabled().build());
        KeyValueStore<String, Long> horizon = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BAND_HORIZON), AkhbarSerdes.KEY, Serdes.Long())
                .withLoggingDisabled().build());
        KeyValueStore<String, Long> bucketsBuilt = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.BAND_BUCKETS_BUILT), AkhbarSerdes.KEY, Serdes.Long())
                .withLoggingDisabled().build());
        init(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.STATE_LAYOUT),
                AkhbarSerdes.KEY, Serdes.String()).withLoggingDisabled().build());
        System.out.printf("%,d synthetic articles in one window of %s; heap limit %d MB; RocksDB off-heap budget %d MB%s%n",
                articles, settings.window(), Runtime.getRuntime().maxMemory() >> 20, BoundedRocksDb.TOTAL_OFF_HEAP_BYTES >> 20,
                lostBuckets ? "; band buckets lost" : "");
        LshBands lsh = new LshBands(settings.bands(), settings.rowsPerBand());
        Random random = new Random(42);
        long startTime = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        long step = Math.max(1, settings.window().toMillis() / articles);
        long slotSpan = settings.bandSlot().toMillis();
        int signatureLength = settings.signatureLength();
        int[] last = null;
        long began = System.nanoTime();
        long lap = began;
        for (long i = 0; i < articles; i++) {
            String id = ArticleKeys.of("https://synthetic.example/" + i);
            long orderTime = startTime + i * step;
            int[] signature = randomSignature(random, signatureLength);
            last = signature;
            String fingerprint = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            long slot = BandProcessor.slotOf(orderTime, slotSpan);
            long[] hashes = lsh.bandHashes(signature);
            for (int band = 0; band < hashes.length && !lostBuckets; band++) {
                buckets.put(LshBands.bucketKey(band, hashes[band]),
                        new BandMembers(List.of(new BandMember(id, orderTime))), slot);
            }
            signatures.put(id, new BandSignature(1, fingerprint, ByteBuffer.wrap(MinHasher.sketch(signature)), id,
                    LongStream.of(hashes).boxed().toList()), orderTime);
            stories.put(id, new StoryState(fingerprint, 1, orderTime,
                    new ArrayList<>(IntStream.range(0, settings.bands()).boxed().toList()), new ArrayList<>(),
                    new StoryMatch(id, orderTime, fingerprint, 1), id, null, null, 1, null));
            Article article = syntheticArticle(id, orderTime, random);
            received.put(id, AkhbarSerdes.ARTICLE.encode(article));
            if ((i + 1) % REPORT_EVERY == 0 || i + 1 == articles) {
                long now = System.nanoTime();
                System.out.printf("  %,12d articles  %,7.0f articles/s (lately %,7.0f/s)  heap used %4d MB  RSS %5d MB  disk %,6d MB%n",
                        i + 1, (i + 1) / ((now - began) / 1e9), Math.min(REPORT_EVERY, (i + 1)) / ((now - lap) / 1e9),
                        usedHeapMb(), residentMb(), sizeMb(stateDir));
                lap = now;
            }
        }

        horizon.put(BandProcessor.NEWEST_SLOT, BandProcessor.slotOf(startTime + (articles - 1) * step, slotSpan));
        horizon.put(BandProcessor.PROBES_SEEN, articles);
        if (!lostBuckets) {
            bucketsBuilt.put(BandProcessor.PROBES_SEEN, articles);
        }
        BandProcessor bands = new BandProcessor(settings, 1);
        bands.init(context);
        System.out.printf("Lookups against that state: %,d new articles through the band processor, one in %d a near"
                + " copy of a stored one%n", PROBES, COPY_EVERY);
        long end = startTime + articles * step;
        long matches = 0;
        long probing = System.nanoTime();
        for (int p = 0; p < PROBES; p++) {
            String id = ArticleKeys.of("https://synthetic.example/probe/" + p);
            int[] signature = p % COPY_EVERY == 0 ? nearCopy(last, random) : randomSignature(random, signatureLength);
            BandProbe probe = new BandProbe(id, 1, end + p, Long.toHexString(random.nextLong()), MinHasher.encode(signature));
            long before = System.nanoTime();
            bands.process(new Record<>(id, probe, end + p));
            if (p == 0 && lostBuckets) {
                double seconds = (System.nanoTime() - before) / 1e9;
                System.out.printf("  the first lookup rebuilt the buckets from the signatures in %,.1f s (%,.1f s per million"
                        + " articles); heap used %d MB, RSS %d MB%n", seconds, seconds * 1e6 / articles, usedHeapMb(),
                        residentMb());
                probing = System.nanoTime();
            }
            for (var forwarded : context.forwarded()) {
                BandReply reply = forwarded.record().value();
                matches += reply.getTargetId().equals(id) && !reply.getMatches().isEmpty() ? 1 : 0;
            }
            context.resetForwards();
        }
        System.out.printf("  %,.0f lookups/s; %,d of %,d probes matched a stored article%n",
                (lostBuckets ? PROBES - 1 : PROBES) / ((System.nanoTime() - probing) / 1e9), matches, PROBES);

        for (StateStore store : List.of(buckets, signatures, stories, received, horizon, bucketsBuilt)) {
            store.flush();
        }
        System.gc();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        System.out.printf("Heap: %d MB used after a full collection, peak %d MB (limit %d MB); resident memory %d MB;"
                + " state on disk %,d MB (%s)%n", usedHeapMb(), peak, Runtime.getRuntime().maxMemory() >> 20,
                residentMb(), sizeMb(stateDir), sizesByStore(stateDir));
        for (StateStore store : List.of(buckets, signatures, stories, received, horizon, bucketsBuilt)) {
            store.close();
        }
        OfflineEnrich.delete(stateDir);
    }

    @SuppressWarnings("unchecked")
    private static <S extends StateStore> S init(MockProcessorContext<String, BandReply> context, S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static int[] randomSignature(Random random, int length) {
        int[] signature = new int[length];
        for (int i = 0; i < length; i++) {
            signature[i] = random.nextInt();
        }
        return signature;
    }

    /** The same signature with a tenth of its positions redrawn: an estimated similarity of about 0.9. */
    private static int[] nearCopy(int[] original, Random random) {
        int[] copy = original.clone();
        for (int i = 0; i < copy.length / 10; i++) {
            copy[random.nextInt(copy.length)] = random.nextInt();
        }
        return copy;
    }

    private static Article syntheticArticle(String id, long orderTime, Random random) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int w = 0; w < WORDS_PER_ARTICLE / 4; w++) {
                paragraph.append(w == 0 ? "" : " ").append(word(random));
            }
            paragraphs.add(paragraph.toString());
        }
        String url = "https://synthetic.example/" + id;
        return Article.newBuilder().setId(id).setCanonicalUrl(url).setUrl(url).setSite("synthetic.example")
                .setTitle(word(random) + " " + word(random) + " " + word(random)).setParagraphs(paragraphs)
                .setPublishedAt(Instant.ofEpochMilli(orderTime)).setFetchedAt(Instant.ofEpochMilli(orderTime))
                .setLang("ar").setExtraction(ExtractionInfo.newBuilder().setExtractorVersion("synthetic").setMethod("bench").build())
                .build();
    }

    /** A word of three to seven Arabic letters. */
    private static String word(Random random) {
        int length = 3 + random.nextInt(5);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('\u0628' + random.nextInt(19)));
        }
        return word.toString();
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static long residentMb() {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            return status.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0) >> 10;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Files that RocksDB deletes while they are counted (compaction replaces them all the time) count for nothing. */
    private static long sizeMb(Path dir) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    bytes[0] += attributes.isRegularFile() ? attributes.size() : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return bytes[0] >> 20;
    }

    private static String sizesByStore(Path stateDir) {
        List<String> sizes = new ArrayList<>();
        for (String store : List.of(StoreNames.BAND_BUCKETS, StoreNames.BAND_SIGNATURES, StoreNames.STORIES,
                StoreNames.RECEIVED_ARTICLES)) {
            try (Stream<Path> dirs = Files.walk(stateDir)) {
                long mb = dirs.filter(p -> p.getFileName().toString().equals(store)).mapToLong(StateScaleBenchmark::sizeMb).sum();
                sizes.add(store + " " + mb + " MB");
            } catch (IOException | UncheckedIOException e) {
                sizes.add(store + " ?");
            }
        }
        return String.join(", ", sizes);
    }
}
