package io.akhbar.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * What the build recorded about the servers: their versions, and the files Maven resolved for them on this
 * machine (the broker's jars, the Elasticsearch distribution, our analysis plugin).
 */
final class LocalArtifacts {

    private static final String PROPERTIES = "local-artifacts.properties";
    private static final String BROKER_CLASSPATH = "kafka-broker.classpath";
    private static final String REBUILD_HINT =
            "build the project on this machine first (mvn install), which resolves it into the local Maven repository";

    private final Properties properties;

    private LocalArtifacts(Properties properties) {
        this.properties = properties;
    }

    static LocalArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = resource(PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES, e);
        }
        return new LocalArtifacts(properties);
    }

    String kafkaVersion() {
        return properties.getProperty("kafka.version");
    }

    String elasticsearchVersion() {
        return properties.getProperty("elasticsearch.version");
    }

    /** The Kafka broker's runtime classpath, every entry checked to exist. */
    String kafkaBrokerClasspath() {
        String classpath;
        try (InputStream in = resource(BROKER_CLASSPATH)) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BROKER_CLASSPATH, e);
        }
        Arrays.stream(classpath.split(File.pathSeparator))
                .map(Path::of)
                .filter(jar -> !Files.isRegularFile(jar))
                .findFirst()
                .ifPresent(jar -> {
                    throw new IllegalStateException("Kafka broker jar missing: " + jar + "; " + REBUILD_HINT);
                });
        return classpath;
    }

    Path elasticsearchZip() {
        return file("elasticsearch.zip")
                .orElseThrow(() -> new IllegalStateException("Elasticsearch distribution missing: "
                        + properties.getProperty("elasticsearch.zip") + "; " + REBUILD_HINT));
    }

    /** Our Arabic analysis plugin, when its module has been built. */
    Optional<Path> analysisPluginZip() {
        return file("analysis-plugin.zip");
    }

    String analysisPluginLocation() {
        return properties.getProperty("analysis-plugin.zip");
    }

    private Optional<Path> file(String key) {
        return Optional.ofNullable(properties.getProperty(key))
                .map(Path::of)
                .filter(Files::isRegularFile);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = LocalArtifacts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource io/akhbar/localstack/" + name + " is not on the classpath");
        }
        return in;
    }
}
