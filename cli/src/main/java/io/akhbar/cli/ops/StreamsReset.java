package io.akhbar.cli.ops;

import io.akhbar.model.KafkaSettings;
import org.apache.kafka.tools.StreamsResetter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Kafka's reset procedure for a Streams application ({@code kafka-streams-application-reset}, class
 * {@link StreamsResetter}): input topics back to a point in time, intermediate topics skipped to their end, and the
 * application's internal topics (its state's changelogs) deleted, all in one go, while the application is stopped.
 */
final class StreamsReset {
    /** The format the tool's {@code --to-datetime} parses. */
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    /**
     * The tool deprecates {@code --intermediate-topics} because Streams' {@code through()} is gone, but it is still
     * the way to skip the topics of a loop like enrich's; its warning about that would only puzzle an operator.
     */
    private static final String INTERMEDIATE_TOPICS_WARNING = "WARN: `--intermediate-topics` is deprecated";

    /** What the tool did: its exit code and what it printed. */
    record Outcome(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private StreamsReset() {
    }

    static Outcome run(KafkaSettings kafka, String applicationId, List<String> inputTopics,
                       List<String> intermediateTopics, ReplayFrom from, boolean dryRun) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-server", kafka.bootstrapServers(),
                "--application-id", applicationId,
                "--input-topics", String.join(",", inputTopics)));
        if (!intermediateTopics.isEmpty()) {
            args.addAll(List.of("--intermediate-topics", String.join(",", intermediateTopics)));
        }
        if (from.earliest()) {
            args.add("--to-earliest");
        } else {
            args.addAll(List.of("--to-datetime", DATETIME.format(from.time())));
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        Path clientConfig = null;
        try {
            if (!kafka.clientProperties().isEmpty()) {
                clientConfig = writeClientConfig(kafka);
                args.addAll(List.of("--command-config", clientConfig.toString()));
            }
            return runCapturingOutput(args.toArray(String[]::new));
        } finally {
            delete(clientConfig);
        }
    }

    /**
     * The tool prints to {@code System.out} and {@code System.err}; both are captured so that its report can be
     * shown as part of the replay's, and in tests.
     */
    private static synchronized Outcome runCapturingOutput(String[] args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exitCode;
        try {
            System.setOut(capture);
            System.setErr(capture);
            exitCode = new StreamsResetter().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String output = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith(INTERMEDIATE_TOPICS_WARNING))
                .collect(Collectors.joining("\n"));
        return new Outcome(exitCode, output);
    }

    /** The clients' security settings for the tool's admin client and consumer; readable by this user only. */
    private static Path writeClientConfig(KafkaSettings kafka) {
        try {
            Path file = Files.createTempFile("akhbar-streams-reset-", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Properties properties = new Properties();
            properties.putAll(kafka.clientProperties());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "akhbar replay: client settings for the Streams reset tool");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka client settings for the Streams reset tool", e);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ", which holds Kafka client settings", e);
        }
    }
}
