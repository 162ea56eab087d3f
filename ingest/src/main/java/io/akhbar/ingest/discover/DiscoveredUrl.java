package io.akhbar.ingest.discover;

import java.time.Instant;
import java.util.Optional;

/**
 * A canonical URL found in a source's feed, sitemap or section page.
 *
 * @param lastModified the publication date of a news sitemap entry, else the feed item's date or the sitemap's
 *                     lastmod, when the document gave one
 */
public record DiscoveredUrl(String url, String source, Optional<Instant> lastModified) {
}
