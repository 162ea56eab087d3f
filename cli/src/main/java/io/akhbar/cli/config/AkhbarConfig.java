package io.akhbar.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.akhbar.enrich.EnrichSettings;
import io.akhbar.ingest.crawl.CrawlerSettings;
import io.akhbar.model.KafkaSettings;
import io.akhbar.sink.SinkSettings;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * All settings of every service, read once at start-up: each section's defaults (the records' {@code defaults()}),
 * overlaid by a YAML file, overlaid by environment variables {@code AKHBAR_<SECTION>_<SETTING>} (underscores and
 * case ignored in the setting's name, e.g. {@code AKHBAR_SINK_ELASTICSEARCH_URL}); a variable ending in
 * {@code _FILE} names a file holding the value, for secrets. A list is given comma-separated; Kafka client
 * properties as a properties file's text ({@code AKHBAR_KAFKA_CLIENT_PROPERTIES_FILE=/run/secrets/kafka.properties}),
 * added to those of the YAML file. Then every section is validated.
 */
public record AkhbarConfig(KafkaSettings kafka, CrawlerSettings crawler, EnrichSettings enrich, SinkSettings sink,
                           ServiceSettings service) {
    public static final String ENV_PREFIX = "AKHBAR_";
    /** Parts of setting names whose values are secrets: ours, and Kafka's SASL and TLS client properties. */
    private static final List<String> SECRET_NAMES = List.of("password", "apikey", "secret", "jaas", "token",
            "ssl.keystore.key");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static AkhbarConfig defaults() {
        return new AkhbarConfig(KafkaSettings.of("localhost:9092"), CrawlerSettings.defaults(), EnrichSettings.defaults(),
                SinkSettings.defaults(), ServiceSettings.defaults());
    }

    public static AkhbarConfig load(Path file, Map<String, String> environment) {
        ObjectNode tree = YAML.valueToTree(defaults());
        if (file != null) {
            try {
                JsonNode fromFile = YAML.readTree(file.toFile());
                if (fromFile != null && !fromFile.isMissingNode() && !fromFile.isNull()) {
                    merge(tree, fromFile, file.toString());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        applyEnvironment(tree, environment);
        AkhbarConfig config;
        try {
            config = YAML.treeToValue(tree, AkhbarConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
        return config.withSinkKafka().validate();
    }

    public AkhbarConfig validate() {
        kafka.validate();
        crawler.validate();
        enrich.validate();
        sink.validate();
        service.validate();
        return this;
    }

    public AkhbarConfig withKafka(KafkaSettings kafka) {
        return new AkhbarConfig(kafka, crawler, enrich, sink, service).withSinkKafka();
    }

    public AkhbarConfig withCrawler(CrawlerSettings crawler) {
        return new AkhbarConfig(kafka, crawler, enrich, sink, service);
    }

    public AkhbarConfig withEnrich(EnrichSettings enrich) {
        return new AkhbarConfig(kafka, crawler, enrich, sink, service);
    }

    public AkhbarConfig withSink(SinkSettings sink) {
        return new AkhbarConfig(kafka, crawler, enrich, sink, service).withSinkKafka();
    }

    public AkhbarConfig withService(ServiceSettings service) {
        return new AkhbarConfig(kafka, crawler, enrich, sink, service);
    }

    /** The effective settings as YAML, secrets masked: what `--print-config` shows. */
    public String toYaml() {
        ObjectNode tree = YAML.valueToTree(this);
        maskSecrets(tree);
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AkhbarConfig withSinkKafka() {
        return new AkhbarConfig(kafka, crawler, enrich, sink.withKafkaBootstrapServers(kafka.bootstrapServers()), service);
    }

    private static void merge(ObjectNode target, JsonNode overlay, String origin) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new IllegalArgumentException(origin + ": unknown setting '" + field.getKey()
                        + "' (known: " + iterable(target.fieldNames()) + ")");
            }
            if (existing.isObject() && field.getValue().isObject() && !isMap(field.getKey())) {
                merge((ObjectNode) existing, field.getValue(), origin + ": " + field.getKey());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> environment) {
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX)) {
                continue;
            }
            String value = variable.getValue();
            String path = name.substring(ENV_PREFIX.length());
            if (path.endsWith("_FILE")) {
                path = path.substring(0, path.length() - "_FILE".length());
                value = readSecret(name, value);
            }
            int split = path.indexOf('_');
            if (split < 0) {
                continue;
            }
            String section = path.substring(0, split).toLowerCase(Locale.ROOT);
            String setting = path.substring(split + 1).replace("_", "").toLowerCase(Locale.ROOT);
            JsonNode sectionNode = tree.get(section);
            if (!(sectionNode instanceof ObjectNode sectionObject)) {
                continue;
            }
            String field = iterable(sectionObject.fieldNames()).stream()
                    .filter(f -> f.toLowerCase(Locale.ROOT).equals(setting)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("environment variable " + name
                            + " names no setting of section '" + section + "' (known: "
                            + iterable(sectionObject.fieldNames()) + ")"));
            sectionObject.set(field, fromEnvironment(sectionObject.get(field), value, name));
        }
    }

    private static JsonNode fromEnvironment(JsonNode current, String value, String variable) {
        if (current instanceof ArrayNode) {
            ArrayNode list = YAML.createArrayNode();
            Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(list::add);
            return list;
        }
        if (current instanceof ObjectNode map) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(value));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + ": not in the properties format: " + e.getMessage(), e);
            }
            ObjectNode merged = map.deepCopy();
            properties.stringPropertyNames().forEach(key -> merged.put(key, properties.getProperty(key)));
            return merged;
        }
        return new TextNode(value);
    }

    private static String readSecret(String variable, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(variable + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void maskSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : iterable(object.fieldNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (SECRET_NAMES.stream().anyMatch(lower::contains) && !object.get(name).isNull()) {
                    object.put(name, "***");
                } else {
                    maskSecrets(object.get(name));
                }
            }
        }
    }

    private static boolean isMap(String field) {
        return field.equals("clientProperties");
    }

    private static java.util.List<String> iterable(Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
