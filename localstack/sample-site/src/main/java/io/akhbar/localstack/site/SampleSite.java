package io.akhbar.localstack.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bundled sample news site that the demo and the end-to-end tests crawl: two outlets, each on its own loopback
 * port, serving hand-built Arabic news pages with the feeds, sitemaps, section pages and HTTP caching headers a
 * crawler meets on the real web. Six articles tell five stories: one outlet republishes a story of the other.
 */
public final class SampleSite implements AutoCloseable {
    private final List<OutletServer> servers;

    private SampleSite(List<OutletServer> servers) {
        this.servers = servers;
    }

    public static SampleSite start() {
        SiteResources resources = SiteResources.load();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<OutletServer> servers = new ArrayList<>();
        try {
            for (OutletDefinition definition : OutletDefinition.ALL) {
                servers.add(OutletServer.start(definition, resources, startedAt));
            }
        } catch (IOException e) {
            servers.forEach(OutletServer::close);
            throw new UncheckedIOException("Starting the sample site", e);
        }
        return new SampleSite(List.copyOf(servers));
    }

    public List<Outlet> outlets() {
        return servers.stream().map(OutletServer::outlet).toList();
    }

    /** A sources file for the crawler, pointing at the outlets as they listen now. */
    public String sourcesYaml() {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (OutletServer server : servers) {
            OutletDefinition definition = server.definition();
            String baseUrl = server.outlet().baseUrl();
            yaml.append("  - id: ").append(definition.id()).append('\n')
                    .append("    name: ").append(definition.name()).append('\n')
                    .append("    feeds: [").append(quoted(baseUrl + definition.feedPath())).append("]\n")
                    .append("    sitemaps: [").append(definition.sitemapPaths().stream()
                            .map(path -> quoted(baseUrl + path)).collect(Collectors.joining(", "))).append("]\n")
                    .append("    sections:\n")
                    .append("      - url: ").append(quoted(baseUrl + definition.sectionPath())).append('\n')
                    .append("        linkPattern: ").append(quoted(definition.sectionLinkPattern())).append('\n')
                    .append("    repoll: ").append(definition.repoll()).append('\n');
        }
        return yaml.toString();
    }

    /** Articles across outlets, the republished copy counted apart from its original: six. */
    public int articleCount() {
        return servers.stream().mapToInt(server -> server.definition().articlePaths().size()).sum();
    }

    @Override
    public void close() {
        servers.forEach(OutletServer::close);
    }

    /** A YAML double-quoted scalar, where a backslash is an escape: regular expressions need theirs doubled. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
