package io.akhbar.model;

/** State stores of the Streams applications; their changelog topics are named after them. */
public final class StoreNames {
    /** Per article id: latest content, fingerprint and what the LSH bands answered. */
    public static final String STORIES = "stories";
    /** Per LSH band bucket: the articles whose signatures fell into it. */
    public static final String BAND_MEMBERS = "band-members";

    private StoreNames() {
    }
}
