package io.akhbar.localstack.site;

import java.time.Duration;
import java.util.List;

/**
 * What the crawler needs to know about an outlet, and which of its pages are articles. The paths must agree with
 * the outlet's resources; the test holds them to the feeds and sitemaps.
 */
record OutletDefinition(String id, String name, String feedPath, List<String> sitemapPaths, String sectionPath,
                        String sectionLinkPattern, Duration repoll, List<String> articlePaths) {

    /** A WordPress site: pretty directory URLs, a feed at /feed/, a Google News sitemap. */
    static final OutletDefinition TAIF = new OutletDefinition(
            "taif", "طيف بوست (sample)", "/feed/", List.of("/sitemap.xml"),
            "/category/syria/", "/20\\d\\d/\\d\\d/[^/]+/$", Duration.ofMinutes(5),
            List.of("/2024/12/urgent-erdogan-putin-talks-syria/",
                    "/2021/06/idlib-next-phase-erdogan-putin-talks/",
                    "/2019/05/russian-turkish-talks-idlib-developments/"));

    /** A hand-built newspaper site: dated .html URLs and a sitemap index. */
    static final OutletDefinition WIRE = new OutletDefinition(
            "wire", "برقية (sample)", "/rss.xml", List.of("/sitemap_index.xml"),
            "/syria/", "/news/20\\d\\d/\\d\\d/\\d\\d/[^/]+\\.html$", Duration.ofMinutes(5),
            List.of("/news/2023/01/05/putin-erdogan-call-syria-ukraine.html",
                    "/news/2021/06/30/erdogan-putin-idlib-kremlin-statement.html",
                    "/news/2020/10/15/erdogan-putin-political-process-momentum.html"));

    static final List<OutletDefinition> ALL = List.of(TAIF, WIRE);
}
