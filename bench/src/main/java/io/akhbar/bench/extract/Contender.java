package io.akhbar.bench.extract;

import java.time.Instant;
import java.util.List;

/** An article extractor under measurement: raw page bytes in, what it found out. */
interface Contender {

    /** What an extractor found on one page; a peer that cannot tell a listing from an article says article. */
    record Extraction(String title, Instant published, List<String> lines, boolean article) {
        public Extraction {
            lines = List.copyOf(lines);
        }

        public String text() {
            return String.join("\n", lines);
        }
    }

    String name();

    /** Whether it reads publication dates at all (peers that do not are shown as n/a rather than wrong). */
    boolean findsDates();

    /** Whether it recognises section and listing pages. */
    boolean recognisesListings();

    Extraction extract(byte[] body, String contentType, String url) throws Exception;
}
