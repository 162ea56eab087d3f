package io.akhbar.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * What one page yields: display text (repaired, never normalised) and the metadata found for it.
 *
 * @param published    null when the page states no date
 * @param lang         ISO 639-1 code
 * @param canonicalUrl absolute, or null when neither the page nor the caller gives one
 * @param removed      boilerplate snippets dropped from the content area, for debugging extraction
 * @param method       how the body was found, e.g. "dom" or "json-ld+dom"
 */
public record ExtractedPage(String title, String byline, Instant published, List<String> paragraphs, String lang,
                            String canonicalUrl, boolean isArticle, List<String> removed, String method) {

    public ExtractedPage {
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
    }

    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
