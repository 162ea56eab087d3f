package io.akhbar.enrich.story;

/**
 * The sink's external version of a document. It grows with everything that changes the document, most significant
 * first: a newer tagger (so a replay through it overwrites history), new content, a re-assigned story. Replaying
 * old records through the same tagger yields the same or lower versions, which Elasticsearch then ignores.
 */
public final class DocumentVersions {
    private static final int CONTENT_SHIFT = 20;
    private static final int TAGGER_SHIFT = 40;
    private static final int FIELD_MASK = (1 << CONTENT_SHIFT) - 1;

    private DocumentVersions() {
    }

    public static long of(int taggerVersion, int contentVersion, int revision) {
        if (contentVersion > FIELD_MASK || revision > FIELD_MASK) {
            throw new IllegalArgumentException("content version and revision must stay below " + FIELD_MASK);
        }
        return ((long) taggerVersion << TAGGER_SHIFT) | ((long) contentVersion << CONTENT_SHIFT) | revision;
    }
}
