package io.akhbar.bench.enrich;

import io.akhbar.bench.enrich.AntCorpus.Document;
import io.akhbar.enrich.BoundedRocksDb;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.EnrichTopology;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.localstack.Stack;
import io.akhbar.localstack.StackOptions;
import io.akhbar.localstack.Stacks;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import io.akhbar.model.Topics;
import io.akhbar.model.streams.StreamsConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The enrich topology's throughput on a real local Kafka broker (started by this benchmark, sharing the machine's
 * cores), with the ANT Corpus as load: the articles are written to the articles topic first, then the stream starts
 * and the clock runs until every article has been emitted enriched. In the same run and on the same broker: a
 * plain pass-through stream (articles topic to enriched topic, same records, exactly-once), the ceiling of any
 * Streams stage here, first cold and again once the JVMs are warm (cold, it ran at a quarter of its warm rate); the
 * enrich topology to warm up, until the JIT compilers of the stream and the broker take under 2 % of a run's CPU (the
 * JIT compiler alone takes a tenth of the first run's CPU, and after two runs the compilers still took 4–9 % of the
 * next runs'); every pure step of enrich in one stage without state
 * ({@link StatelessEnrichment}), so that the enrich run's difference from it is what finding stories costs; the
 * enrich topology, measured (several runs, then their medians); enrich without state again, so that the machine's
 * speed is known on both sides of the measured runs; the enrich topology committing every second instead
 * of every 100 ms (the exactly-once default); the enrich topology under at_least_once; and the enrich topology with
 * its band probes in as many partitions as the articles, the default before {@code kafka.bandPartitions}.
 *
 * <p>Each run also prints the CPU time per article of the stream (this JVM, whose only other work is reading the
 * output) and of the broker (its own process); the stream's CPU split by kind of thread ({@link ThreadCpu}: stream
 * threads, producer senders, RocksDB's background threads, garbage collection, the JIT compiler), and the broker's
 * (its JIT compiler was still busy after two warm-ups, which a long-running broker is not); each stream thread's
 * CPU and the share of the run it spent on a core (the threads split tasks, not work); from the stream's
 * share, the rate it would reach with two cores to itself, as it has when the brokers run on other machines; the
 * records and bytes it wrote to each topic per article; and the minor page faults per article of both processes
 * ({@link PageFaults}).
 *
 * <p>Arguments: {@code [copies] [measured runs] [--compare A B]}. Copies (default 3): the corpus is loaded that many
 * times, each copy under other URLs and one year later, so copies are new articles that do not match each other.
 * Measured runs (default 3): the measured exactly-once run is repeated, and the medians are printed after them, as
 * this virtual machine's speed drifts by a quarter within an hour and one run can land in a slow stretch.
 *
 * <p>{@code --compare A B} measures two variants of the enrich run against each other instead, alternated in the same
 * JVM on the same broker, so that the machine's drift falls on both alike: both are warmed up, in turn, until the
 * compilers are idle as above, then each round runs
 * both, in the order AB in odd rounds and BA in even ones, and the table after the rounds has each round's figures
 * and ratio. A variant is {@code label:setting=value,...}, Kafka Streams settings over the benchmark's own (for
 * example {@code one-thread:num.stream.threads=1 two-threads:num.stream.threads=2}); {@code label:} alone runs the
 * benchmark's settings. The modes after the median (commit 1 s, at-least-once, band partitions) are not run.
 */
public final class EnrichThroughputBenchmark {
    private static final int PARTITIONS = KafkaSettings.DEFAULT_PARTITIONS;
    private static final int BAND_PARTITIONS = KafkaSettings.DEFAULT_BAND_PARTITIONS;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final int CORES = 2;
    private static final int MIN_WARM_UP_RUNS = 2;
    private static final int MAX_WARM_UP_RUNS = 10;
    /**
     * Warm-up ends once the JIT compilers of the stream and the broker together took less than this share of a
     * run's CPU. After two warm-ups they still took 4–9 % of the next runs' CPU, work a service that has run for a
     * while no longer does (BENCHMARKS.md).
     */
    private static final double WARM_JIT_SHARE = 0.02;

    private EnrichThroughputBenchmark() {
    }

    /**
     * The processor the run had, as Linux names it: this virtual machine's figures moved by half from one session to
     * the next (BENCHMARKS.md), so runs are compared only on the same one.
     */
    private static String processorModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        List<Variant> compared = new ArrayList<>();
        int compare = positional.indexOf("--compare");
        if (compare >= 0) {
            if (positional.size() < compare + 3) {
                throw new IllegalArgumentException("--compare takes two variants, label:setting=value,...");
            }
            compared.add(Variant.parse(positional.get(compare + 1)));
            compared.add(Variant.parse(positional.get(compare + 2)));
            positional.subList(compare, compare + 3).clear();
        }
        int copies = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 3;
        int measuredRuns = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 3;
        List<Article> load = load(AntCorpus.read(AntCorpus.locate()), copies);
        long distinct = load.stream().map(Article::getId).distinct().count();
        System.out.printf("Load: %d articles (%d distinct keys), ANT Corpus × %d; %d partitions; %d cores (%s)%n",
                load.size(), distinct, copies, PARTITIONS, Runtime.getRuntime().availableProcessors(), processorModel());

        Path work = Files.createTempDirectory("akhbar-bench-throughput");
        try (Stack stack = Stacks.start(StackOptions.defaults(work.resolve("stack")).withoutElasticsearch().deletingDataOnClose())) {
            Tagger tagger = Tagger.withBundledData();
            EnrichSettings settings = EnrichSettings.defaults();
            Function<Topics, Topology> enrich = topics -> EnrichTopology.build(topics, BAND_PARTITIONS, settings, tagger);
            if (!compared.isEmpty()) {
                compare(compared.get(0), compared.get(1), measuredRuns, stack, work, load, distinct, enrich,
                        topics -> StatelessEnrichment.topology(topics, settings, tagger));
                return;
            }
            run("pass-through, exactly_once_v2 (cold)", stack, work, load, load.size(), StreamsConfig.EXACTLY_ONCE_V2,
                    Map.of(), topics -> passThrough(topics));
            warmUp(List.of(new Variant("exactly_once_v2", Map.of())), stack, work, load, distinct, enrich);
            run("pass-through, exactly_once_v2", stack, work, load, load.size(), StreamsConfig.EXACTLY_ONCE_V2,
                    Map.of(), topics -> passThrough(topics));
            run("enrich without state, exactly_once_v2", stack, work, load, load.size(), StreamsConfig.EXACTLY_ONCE_V2,
                    Map.of(), topics -> StatelessEnrichment.topology(topics, settings, tagger));
            List<Measured> measured = new ArrayList<>();
            for (int round = 1; round <= measuredRuns; round++) {
                run("enrich, exactly_once_v2 (" + round + " of " + measuredRuns + ")", stack, work, load, distinct,
                        StreamsConfig.EXACTLY_ONCE_V2, Map.of(), enrich).ifPresent(measured::add);
            }
            printMedian("enrich, exactly_once_v2", measured);
            run("enrich without state, exactly_once_v2 (again)", stack, work, load, load.size(),
                    StreamsConfig.EXACTLY_ONCE_V2, Map.of(), topics -> StatelessEnrichment.topology(topics, settings, tagger));
            run("enrich, exactly_once_v2, commit 1 s", stack, work, load, distinct, StreamsConfig.EXACTLY_ONCE_V2,
                    Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000), enrich);
            run("enrich, at_least_once", stack, work, load, distinct, StreamsConfig.AT_LEAST_ONCE, Map.of(), enrich);
            run("enrich, exactly_once_v2, band probes in " + PARTITIONS + " partitions", stack, work, load, distinct,
                    PARTITIONS, StreamsConfig.EXACTLY_ONCE_V2, Map.of(),
                    topics -> EnrichTopology.build(topics, PARTITIONS, settings, tagger));
        } finally {
            OfflineEnrich.delete(work);
        }
    }

    /**
     * Runs the variants of enrich in turn until the JIT compilers are nearly idle ({@link #WARM_JIT_SHARE}) in a run
     * of each, at least {@link #MIN_WARM_UP_RUNS} and at most {@link #MAX_WARM_UP_RUNS} runs in all.
     */
    private static void warmUp(List<Variant> variants, Stack stack, Path work, List<Article> load, long distinct,
                               Function<Topics, Topology> enrich) throws Exception {
        int runs = 0;
        for (int round = 1; ; round++) {
            double mostJit = 0;
            for (Variant variant : variants) {
                double jitShare = run("enrich, " + variant.label() + " (warm-up " + round + ")", stack, work, load,
                        distinct, StreamsConfig.EXACTLY_ONCE_V2, variant.settings(), enrich)
                        .map(Measured::jitShare).orElse(1.0);
                mostJit = Math.max(mostJit, jitShare);
                runs++;
            }
            if (runs >= MIN_WARM_UP_RUNS && mostJit < WARM_JIT_SHARE) {
                System.out.printf("  warm after %d runs: the JIT compilers took at most %.1f %% of the CPU of the"
                        + " last round%n", runs, 100 * mostJit);
                return;
            }
            if (runs + variants.size() > MAX_WARM_UP_RUNS) {
                System.out.printf("  not warm after %d runs (the JIT compilers took up to %.1f %% of the CPU of the"
                        + " last round): measuring anyway%n", runs, 100 * mostJit);
                return;
            }
        }
    }

    /** Enrich under other Kafka Streams settings, by name; see the class comment. */
    private record Variant(String label, Map<String, Object> settings) {
        static Variant parse(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a variant is label:setting=value,... (the settings may be empty),"
                        + " not " + text);
            }
            Map<String, Object> settings = new TreeMap<>();
            for (String setting : text.substring(colon + 1).split(",")) {
                if (setting.isBlank()) {
                    continue;
                }
                int equals = setting.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("a setting of a variant is name=value, not " + setting);
                }
                settings.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
            }
            return new Variant(text.substring(0, colon), settings);
        }
    }

    /**
     * Warms both variants up, then runs them alternated for {@code rounds} rounds, between two runs of enrich without
     * state (the machine's speed on both sides), and prints the rounds side by side.
     */
    private static void compare(Variant a, Variant b, int rounds, Stack stack, Path work, List<Article> load,
                                long distinct, Function<Topics, Topology> enrich,
                                Function<Topics, Topology> stateless) throws Exception {
        System.out.printf("Comparing A = %s %s with B = %s %s, %d rounds%n", a.label(), a.settings(), b.label(),
                b.settings(), rounds);
        warmUp(List.of(a, b), stack, work, load, distinct, enrich);
        run("enrich without state", stack, work, load, load.size(), StreamsConfig.EXACTLY_ONCE_V2, Map.of(), stateless);
        List<Measured> ofA = new ArrayList<>();
        List<Measured> ofB = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Variant> order = round % 2 == 1 ? List.of(a, b) : List.of(b, a);
            for (Variant variant : order) {
                Measured measured = run("enrich, " + variant.label() + " (round " + round + ")", stack, work, load,
                        distinct, StreamsConfig.EXACTLY_ONCE_V2, variant.settings(), enrich)
                        .orElse(new Measured(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                (variant == a ? ofA : ofB).add(measured);
            }
        }
        run("enrich without state (again)", stack, work, load, load.size(), StreamsConfig.EXACTLY_ONCE_V2, Map.of(),
                stateless);
        System.out.printf("%nArticles/s from the first output (stream and broker CPU per article, ms); order AB in odd"
                + " rounds, BA in even ones%n| round | A: %s | B: %s | B / A |%n|---|---|---|---|%n", a.label(), b.label());
        for (int round = 0; round < rounds; round++) {
            System.out.printf("| %d | %s | %s | %.2f |%n", round + 1, ofA.get(round).cells(), ofB.get(round).cells(),
                    ofB.get(round).articlesPerSecond() / ofA.get(round).articlesPerSecond());
        }
        System.out.printf("| mean | %s | %s | %.2f |%n", Measured.mean(ofA).cells(), Measured.mean(ofB).cells(),
                Measured.mean(ofB).articlesPerSecond() / Measured.mean(ofA).articlesPerSecond());
        printMedian("enrich, " + a.label(), ofA);
        printMedian("enrich, " + b.label(), ofB);
    }

    /**
     * One run's figures: articles per second from the first output, CPU milliseconds per article, and the share of
     * the CPU of both processes that their JIT compilers took.
     */
    private record Measured(double articlesPerSecond, double streamMs, double brokerMs, double jitShare) {
        static Measured mean(List<Measured> runs) {
            return new Measured(runs.stream().mapToDouble(Measured::articlesPerSecond).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(Measured::streamMs).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(Measured::brokerMs).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(Measured::jitShare).average().orElse(Double.NaN));
        }

        String cells() {
            return String.format("%,.0f (%.3f, %.3f)", articlesPerSecond, streamMs, brokerMs);
        }
    }

    /** The median of each figure over the runs, each figure on its own, with their range. */
    private static void printMedian(String name, List<Measured> runs) {
        if (runs.isEmpty()) {
            return;
        }
        System.out.printf("  %-40s median of %d runs: %,8.0f articles/s from the first output (%,.0f–%,.0f); CPU per"
                        + " article: stream %.3f ms, broker %.3f ms; the stream alone on %d cores: %,8.0f articles/s%n",
                name, runs.size(), median(runs, Measured::articlesPerSecond),
                runs.stream().mapToDouble(Measured::articlesPerSecond).min().orElseThrow(),
                runs.stream().mapToDouble(Measured::articlesPerSecond).max().orElseThrow(),
                median(runs, Measured::streamMs), median(runs, Measured::brokerMs),
                CORES, CORES * 1e3 / median(runs, Measured::streamMs));
    }

    private static double median(List<Measured> runs, ToDoubleFunction<Measured> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Optional<Measured> run(String name, Stack stack, Path work, List<Article> load, long expected,
                                          String guarantee, Map<String, Object> extra,
                                          Function<Topics, Topology> topology) throws Exception {
        return run(name, stack, work, load, expected, BAND_PARTITIONS, guarantee, extra, topology);
    }

    /** @param bandPartitions partitions of the run's band-probes topic, which {@code topology} must be built for */
    private static Optional<Measured> run(String name, Stack stack, Path work, List<Article> load, long expected,
                                          int bandPartitions, String guarantee, Map<String, Object> extra,
                                          Function<Topics, Topology> topology) throws Exception {
        String run = "b" + UUID.randomUUID().toString().substring(0, 8) + ".";
        KafkaSettings kafka = new KafkaSettings(stack.kafkaBootstrapServers(), run, PARTITIONS, bandPartitions,
                (short) 1, Map.of());
        TopicSetup.ensure(kafka);
        produce(kafka, load);

        Map<String, Object> overrides = new HashMap<>(BoundedRocksDb.streamsConfig());
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        overrides.putAll(extra);
        try (Forgotten forgotten = new Forgotten(kafka, run, work.resolve(run));
             KafkaStreams streams = new KafkaStreams(topology.apply(kafka.topics()),
                StreamsConfigs.of(run + "enrich", "enrich", kafka, work.resolve(run), overrides));
             KafkaConsumer<String, byte[]> output = outputConsumer(kafka)) {
            CpuTimes cpuAtStart = CpuTimes.now();
            PageFaults faultsAtStart = PageFaults.now();
            ThreadCpu threadsAtStart = ThreadCpu.now();
            ThreadCpu brokerThreadsAtStart = ThreadCpu.ofChildren();
            long start = System.nanoTime();
            streams.start();
            Set<String> emitted = new HashSet<>();
            long first = 0;
            long deadline = start + TIMEOUT.toNanos();
            while (emitted.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : output.poll(Duration.ofMillis(200))) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    emitted.add(expected == load.size() ? record.topic() + record.partition() + ":" + record.offset() : record.key());
                }
            }
            long end = System.nanoTime();
            CpuTimes cpu = CpuTimes.now().minus(cpuAtStart);
            PageFaults faults = PageFaults.now().minus(faultsAtStart);
            ThreadCpu threadsAtEnd = ThreadCpu.now();
            Map<String, Double> byThread = threadsAtEnd.since(threadsAtStart);
            List<Double> eachStreamThread = threadsAtEnd.eachOfKind(ThreadCpu.STREAM_THREADS, threadsAtStart);
            Map<String, Double> brokerByThread = ThreadCpu.ofChildren().since(brokerThreadsAtStart);
            if (emitted.size() < expected) {
                System.out.printf("  %-40s INCOMPLETE: %d of %d emitted in %s%n", name, emitted.size(), expected, TIMEOUT);
                if (expected != load.size()) {
                    explainMissing(kafka, run + "enrich", load, emitted);
                }
                return Optional.empty();
            }
            System.out.printf("  %-40s %,8.0f articles/s from start (%.1f s), %,8.0f articles/s from the first output (%.1f s)%n",
                    name, expected / seconds(end - start), seconds(end - start),
                    expected / seconds(end - first), seconds(end - first));
            System.out.printf("  %-40s CPU per article: stream %.3f ms, broker %.3f ms; the stream alone on %d cores:"
                            + " %,8.0f articles/s%n", "", cpu.stream() * 1e3 / expected, cpu.broker() * 1e3 / expected,
                    CORES, CORES * expected / cpu.stream());
            printByThread("the stream's", byThread, expected);
            printEachStreamThread(eachStreamThread, expected, seconds(end - start));
            printByThread("the broker's", brokerByThread, expected);
            System.out.printf("  %-40s minor page faults per article: stream %.2f, broker %.2f%n", "",
                    faults.stream() / (double) expected, faults.broker() / (double) expected);
            printWrittenPerArticle(kafka, run, expected);
            double jit = byThread.getOrDefault(ThreadCpu.JIT, 0.0) + brokerByThread.getOrDefault(ThreadCpu.JIT, 0.0);
            return Optional.of(new Measured(expected / seconds(end - first), cpu.stream() * 1e3 / expected,
                    cpu.broker() * 1e3 / expected, jit / (cpu.stream() + cpu.broker())));
        }
    }

    /**
     * Deletes a run's topics and state once the run is over (opened before the stream and the
     * reader, so closed after them), so that each run meets a broker that holds its own topics only, as a broker
     * that runs for months does, and a long comparison does not fill the disk (half a gigabyte a run).
     */
    private record Forgotten(KafkaSettings kafka, String run, Path state) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (Admin admin = Admin.create(kafka.clientConfig())) {
                Set<String> topics = admin.listTopics().names().get().stream()
                        .filter(topic -> topic.startsWith(run)).collect(Collectors.toSet());
                admin.deleteTopics(topics).all().get();
            }
            if (Files.exists(state)) {
                OfflineEnrich.delete(state);
            }
        }
    }

    /** A process's CPU per article split by kind of thread ({@link ThreadCpu}), kinds that used none left out. */
    private static void printByThread(String whose, Map<String, Double> byThread, long articles) {
        List<String> split = new ArrayList<>();
        byThread.forEach((kind, seconds) -> {
            if (seconds > 0) {
                split.add(String.format("%s %.3f", kind, seconds * 1e3 / articles));
            }
        });
        if (!split.isEmpty()) {
            System.out.printf("  %-40s %s CPU by thread, ms per article: %s%n", "", whose, String.join(", ", split));
        }
    }

    /**
     * Each stream thread's CPU per article and the share of the run it spent on a core. The threads split the tasks,
     * not the work: with two threads, one runs two story tasks and the other the third story task and the band task,
     * and the busier one sets the pace (BENCHMARKS.md), so a saving shows only if it is that thread's.
     */
    private static void printEachStreamThread(List<Double> allSeconds, long articles, double runSeconds) {
        // Other threads whose kernel name looks like a stream thread's did next to nothing in the run: left out.
        List<Double> seconds = allSeconds.stream().filter(each -> each >= runSeconds / 100).toList();
        if (seconds.size() < 2) {
            return;
        }
        System.out.printf("  %-40s each stream thread, ms per article: %s; on a core for %s of the run%n", "",
                seconds.stream().map(each -> String.format("%.3f", each * 1e3 / articles))
                        .collect(Collectors.joining(", ")),
                seconds.stream().map(each -> String.format("%.0f %%", 100 * each / runSeconds))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Says where the articles not emitted are: written but behind an open transaction (the last stable offset stops
     * short of the end), or never written; and how many dead letters the run made.
     */
    private static void explainMissing(KafkaSettings kafka, String applicationId, List<Article> load, Set<String> emitted)
            throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Article article : load) {
            if (!emitted.contains(article.getId())) {
                missing.add(article.getId());
            }
        }
        System.out.printf("    missing: %d, e.g. %s%n", missing.size(), missing.stream().limit(3).toList());
        try (KafkaConsumer<String, byte[]> committed = reader(kafka, "read_committed");
             KafkaConsumer<String, byte[]> uncommitted = reader(kafka, "read_uncommitted")) {
            List<TopicPartition> partitions = uncommitted.partitionsFor(kafka.topics().enriched())
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            System.out.printf("    enriched topic, last stable offset / end offset per partition: %s / %s%n",
                    committed.endOffsets(partitions).values(), uncommitted.endOffsets(partitions).values());
            uncommitted.assign(partitions);
            uncommitted.seekToBeginning(partitions);
            long written = 0;
            for (int idle = 0; idle < 5; ) {
                var records = uncommitted.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    written += missing.remove(record.key()) ? 1 : 0;
                }
            }
            System.out.printf("    of the missing, %d are in the enriched topic when read uncommitted%n", written);
            List<TopicPartition> deadLetters = committed.partitionsFor(kafka.topics().deadLetters())
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            System.out.printf("    dead letters: %d%n", committed.endOffsets(deadLetters).values().stream()
                    .mapToLong(Long::longValue).sum());
            try (Admin admin = Admin.create(kafka.clientConfig())) {
                Map<TopicPartition, OffsetAndMetadata> positions = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = committed.endOffsets(positions.keySet());
                List<String> lagging = new ArrayList<>();
                positions.forEach((partition, position) -> {
                    long lag = ends.get(partition) - position.offset();
                    if (lag > 0) {
                        lagging.add(partition + " " + lag);
                    }
                });
                System.out.printf("    the stream's input not yet processed: %s%n", lagging.isEmpty() ? "none" : lagging);
            }
        }
    }

    /**
     * What the run wrote to each of its topics (changelogs included), per article: records (end offsets, so with
     * transaction markers) and bytes (the sizes of the partitions' logs on the broker, so as stored, batch headers and
     * compression included), with each topic's share of the bytes: where the broker's work goes.
     */
    private static void printWrittenPerArticle(KafkaSettings kafka, String run, long articles) throws Exception {
        Map<String, Long> records = new TreeMap<>();
        Map<String, Long> bytes = new TreeMap<>();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(run) && !topic.equals(kafka.topics().articles()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(description ->
                    description.partitions().forEach(partition -> latest.put(
                            new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                if (end.offset() > 0) {
                    records.merge(partition.topic().substring(run.length()), end.offset(), Long::sum);
                }
            });
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(directories ->
                    directories.values().forEach(directory -> directory.replicaInfos().forEach((partition, replica) -> {
                        if (topics.contains(partition.topic()) && replica.size() > 0) {
                            bytes.merge(partition.topic().substring(run.length()), replica.size(), Long::sum);
                        }
                    })));
        }
        List<String> perTopic = new ArrayList<>();
        records.forEach((topic, written) -> perTopic.add(String.format("%s %.2f", topic, written / (double) articles)));
        System.out.printf("  %-40s records written per article (end offsets, so with transaction markers): %s%n", "",
                String.join(", ", perTopic));
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        List<String> bytesPerTopic = new ArrayList<>();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(topic ->
                bytesPerTopic.add(String.format("%s %,.0f (%.0f %%)", topic.getKey(),
                        topic.getValue() / (double) articles, 100.0 * topic.getValue() / total)));
        System.out.printf("  %-40s bytes written per article (%,.0f in all; the logs' sizes on the broker): %s%n", "",
                total / (double) articles, String.join(", ", bytesPerTopic));
    }

    private static KafkaConsumer<String, byte[]> reader(KafkaSettings kafka, String isolation) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Topology passThrough(Topics topics) {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new ByteArrayDeserializer(), topics.articles());
        topology.addSink("out", topics.enriched(), new StringSerializer(), new ByteArraySerializer(), "in");
        return topology;
    }

    /** The corpus {@code copies} times; copy n under other URLs and n years later. */
    static List<Article> load(List<Document> corpus, int copies) {
        List<Article> load = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            Duration shift = Duration.ofDays(365L * copy);
            for (Document document : corpus) {
                Article original = document.article();
                String url = copy == 0 ? original.getCanonicalUrl() : original.getCanonicalUrl() + "#copy-" + copy;
                Instant published = original.getPublishedAt().plus(shift);
                load.add(Article.newBuilder(original).setId(ArticleKeys.of(url)).setCanonicalUrl(url).setUrl(url)
                        .setPublishedAt(published).setFetchedAt(published).build());
            }
        }
        return load;
    }

    /**
     * Writes the load; articles whose send fails are sent once more, as a crawler does with a page it could not hand
     * on (a record written after all is an unchanged re-crawl to enrich). Sends to a fresh topic used to fail this
     * way, a partition's batches refused as out of order until the delivery timeout, when the load was written before
     * the broker served the partition; {@link TopicSetup#ensure} now waits for that.
     */
    static void produce(KafkaSettings kafka, List<Article> load) {
        List<Article> failed = send(kafka, load);
        if (!failed.isEmpty()) {
            System.out.printf("  %d of %d articles could not be written; sending them again%n", failed.size(), load.size());
            failed = send(kafka, failed);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the load was not written whole: " + failed.size() + " of " + load.size()
                    + " articles failed twice");
        }
    }

    /** Returns the articles whose send failed, after logging the first failure. */
    private static List<Article> send(KafkaSettings kafka, List<Article> articles) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Queue<Article> failed = new ConcurrentLinkedQueue<>();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(config, new StringSerializer(),
                AkhbarSerdes.ARTICLE.serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(kafka.topics().articles(), article.getId(), article), (sent, error) -> {
                    if (error != null) {
                        failed.add(article);
                        firstFailure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            System.out.printf("  writing the load: %d sends failed, the first with %s%n", failed.size(), firstFailure.get());
        }
        return List.copyOf(failed);
    }

    static KafkaConsumer<String, byte[]> outputConsumer(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topicPrefix() + "bench-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(kafka.topics().enriched()));
        return consumer;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
