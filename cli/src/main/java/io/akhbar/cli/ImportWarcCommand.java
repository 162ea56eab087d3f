package io.akhbar.cli;

import io.akhbar.cli.config.AkhbarConfig;
import io.akhbar.ingest.warc.WarcImportProgress;
import io.akhbar.ingest.warc.WarcImporter;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.KafkaSettings;
import io.akhbar.model.TopicSetup;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "import-warc",
        mixinStandardHelpOptions = true,
        description = {
                "Backfills from web archives: feeds the archived HTTP responses of WARC files (plain or .warc.gz, such as Common Crawl News) into the raw-pages topic, as if the crawler had fetched them, so the extractor and the rest of the pipeline take them from there.",
                "",
                "Only HTML responses with a 2xx status are imported, keyed by the article key of their canonical URL and dated by their capture; other responses, revisit records and truncated captures are counted and skipped. Progress (pages, bytes, what was skipped and why, pages per second) is printed every few seconds and at the end. The exit code is 1 when Kafka refused a page."},
        footer = {"", "Examples:",
                "  ./akhbar import-warc CC-NEWS-20241201012542-00001.warc.gz",
                "  ./akhbar import-warc --source taif archive/*.warc.gz"})
final class ImportWarcCommand implements Callable<Integer> {
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "WARC files, gzipped or not")
    List<Path> files;

    @Option(names = "--source", paramLabel = "ID", description = "Source id given to the imported pages; default: none")
    String source;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "How often progress is printed (ISO-8601); default: ${DEFAULT-VALUE}")
    Duration progressEvery;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        AkhbarConfig config = configOptions.load();
        if (configOptions.printedOnly(config)) {
            return 0;
        }
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                System.err.printf("import-warc: cannot read %s%n", file);
                return 2;
            }
        }
        KafkaSettings kafka = config.kafka();
        TopicSetup.ensure(kafka);
        String topic = kafka.topics().rawPages();
        AtomicLong refused = new AtomicLong();
        AtomicReference<Exception> firstRefusal = new AtomicReference<>();
        WarcImportProgress done;
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new ByteArraySerializer())) {
            WarcImporter importer = new WarcImporter((key, page) -> producer.send(
                    new ProducerRecord<>(topic, key, AkhbarSerdes.RAW_PAGE.encode(page)), (metadata, error) -> {
                        if (error != null) {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, error);
                        }
                    }), source, HTML, config.crawler().maxBodyBytes(), progressEvery,
                    progress -> System.err.printf("import-warc: %s%n", progress));
            done = importer.importFiles(files);
            producer.flush();
        }
        System.out.printf("import-warc: done: %s -> %s%n", done, topic);
        if (refused.get() > 0) {
            System.err.printf("import-warc: Kafka refused %d page(s), the first with: %s%n", refused.get(),
                    firstRefusal.get());
            return 1;
        }
        return 0;
    }

    private static Map<String, Object> producerConfig(KafkaSettings kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "akhbar-import-warc");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.LARGE_RECORD_BYTES);
        return config;
    }
}
