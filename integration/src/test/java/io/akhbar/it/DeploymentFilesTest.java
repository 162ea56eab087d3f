package io.akhbar.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Compose deployment without a Docker engine: the files parse, every image is built here
 * or is a pinned public image of the versions the project tests against, and every file, service and volume they
 * name exists. (That every metric the dashboard and alerts use is exported is checked by {@link OperationsIT}.)
 */
class DeploymentFilesTest {
    /** Public images the deployment may use (Docker Hub or Elastic's registry), always with a version tag. */
    private static final Set<String> PUBLIC_REPOSITORIES = Set.of("apache/kafka", "docker.elastic.co/kibana/kibana",
            "docker.elastic.co/elasticsearch/elasticsearch", "prom/prometheus", "grafana/grafana", "maven",
            "eclipse-temurin");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    private final Path root = ExternalTools.repositoryRoot();
    private final Path docker = root.resolve("docker");
    private final Map<String, Object> compose = yaml(docker.resolve("docker-compose.yml"));

    @Test
    void everyImageIsBuiltHereOrIsAPinnedPublicImage() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Map<String, Object> definition = service.getValue();
            String image = (String) definition.get("image");
            if (definition.containsKey("build")) {
                Map<String, Object> build = map(definition.get("build"));
                Path context = docker.resolve((String) build.get("context")).normalize();
                Path dockerfile = context.resolve((String) build.get("dockerfile"));
                assertThat(dockerfile).as("Dockerfile of %s", service.getKey()).isRegularFile();
                Matcher from = FROM.matcher(Files.readString(dockerfile));
                while (from.find()) {
                    assertPinnedPublic(from.group(1), dockerfile.toString());
                }
                assertThat(image).as("image %s builds", service.getKey()).doesNotContain("/");
            } else {
                assertThat(image).as("image of %s", service.getKey()).isNotNull();
                assertPinnedPublic(image, service.getKey());
            }
        }
    }

    @Test
    void theServersAreTheVersionsTheTestsRun() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        String kafka = property(pom, "kafka.broker.version");
        String elasticsearch = property(pom, "elasticsearch.version");
        assertThat(map(services().get("kafka")).get("image")).isEqualTo("apache/kafka:" + kafka);
        assertThat(map(services().get("kibana")).get("image")).isEqualTo("docker.elastic.co/kibana/kibana:" + elasticsearch);
        // The analysis plugin declares the exact Elasticsearch version it was built for.
        assertThat(Files.readString(docker.resolve("elasticsearch/Dockerfile")))
                .contains("FROM docker.elastic.co/elasticsearch/elasticsearch:" + elasticsearch + "\n");
    }

    @Test
    void everyServiceRestartsByItselfAndHasAHealthCheck() {
        services().forEach((name, definition) -> {
            assertThat(definition.get("restart")).as("restart policy of %s", name).isIn("unless-stopped", "always");
            assertThat(definition.get("healthcheck")).as("health check of %s", name).isNotNull();
        });
    }

    @Test
    void everyDependencyMountAndVolumeExists() {
        Set<String> declaredVolumes = map(compose.get("volumes")).keySet();
        Set<String> usedVolumes = new HashSet<>();
        services().forEach((name, definition) -> {
            Object dependsOn = definition.get("depends_on");
            List<String> dependencies = dependsOn instanceof Map<?, ?> conditions
                    ? conditions.keySet().stream().map(String::valueOf).toList()
                    : dependsOn == null ? List.of() : this.<String>list(dependsOn);
            assertThat(services().keySet()).as("dependencies of %s", name).containsAll(dependencies);
            for (String volume : definition.containsKey("volumes") ? this.<String>list(definition.get("volumes")) : List.<String>of()) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(docker.resolve(source)).as("mounted into %s", name).exists();
                } else {
                    assertThat(declaredVolumes).as("named volume of %s", name).contains(source);
                    usedVolumes.add(source);
                }
            }
        });
        assertThat(usedVolumes).as("volumes in use").containsExactlyInAnyOrderElementsOf(declaredVolumes);
    }

    @Test
    void prometheusScrapesTheServicesOnTheirPortAndLoadsTheMountedRules() {
        Map<String, Object> prometheus = yaml(docker.resolve("prometheus/prometheus.yml"));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        Map<String, Object> discovery = map(list(job.get("dns_sd_configs")).get(0));
        List<String> names = list(discovery.get("names"));
        assertThat(names).containsExactlyInAnyOrder("crawl", "enrich", "sink");
        assertThat(services().keySet()).containsAll(names);
        Map<String, Object> environment = map(services().get("sink").get("environment"));
        assertThat(String.valueOf(discovery.get("port"))).isEqualTo(environment.get("AKHBAR_SERVICE_PORT"));
        List<String> mounts = this.list(services().get("prometheus").get("volumes"));
        for (String rules : this.<String>list(prometheus.get("rule_files"))) {
            assertThat(docker.resolve("prometheus").resolve(rules)).isRegularFile();
            assertThat(mounts).contains("./prometheus/" + rules + ":/etc/prometheus/" + rules + ":ro");
        }
    }

    @Test
    void grafanaProvisionsThePrometheusDataSourceAndTheDashboard() throws IOException {
        List<String> mounts = list(services().get("grafana").get("volumes"));
        Map<String, Object> provider = map(list(yaml(docker.resolve("grafana/provisioning/dashboards/akhbar.yml"))
                .get("providers")).get(0));
        String dashboardsPath = (String) map(provider.get("options")).get("path");
        assertThat(mounts).contains("./grafana/dashboards:" + dashboardsPath + ":ro", "./grafana/provisioning:/etc/grafana/provisioning:ro");
        Map<String, Object> datasource = map(list(yaml(docker.resolve("grafana/provisioning/datasources/prometheus.yml"))
                .get("datasources")).get(0));
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");

        JsonNode dashboard = new ObjectMapper().readTree(docker.resolve("grafana/dashboards/akhbar.json").toFile());
        Set<Integer> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel id %s unique", panel.get("id")).isTrue();
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            titles.add(panel.get("title").asText());
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo(datasource.get("uid"));
            assertThat(panel.get("targets")).as("queries of %s", panel.get("title")).isNotEmpty();
            panel.get("targets").forEach(target -> assertThat(target.get("expr").asText()).isNotBlank());
        }
        assertThat(titles).contains("Lag in records per group and partition", "Lag in seconds per group and partition",
                "Throughput per stage (per second)", "Fetch to indexed", "Publication to indexed",
                "Dead letters per stage and reason", "Share of empty extractions per site (last hour)");
    }

    private void assertPinnedPublic(String image, String where) {
        int tag = image.lastIndexOf(':');
        assertThat(tag).as("%s: %s has a version tag", where, image).isPositive();
        assertThat(PUBLIC_REPOSITORIES).as("%s: %s is a public image", where, image).contains(image.substring(0, tag));
        assertThat(image.substring(tag + 1)).as("%s: %s is pinned", where, image).isNotEqualTo("latest");
    }

    private Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new java.util.LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
        return services;
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1);
    }

    /** Compose files use YAML merge keys ({@code <<: *akhbar}), which SnakeYAML resolves. */
    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
