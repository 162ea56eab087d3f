package io.akhbar.ingest.crawl;

import java.util.List;

/** A sources file that cannot be used, with every problem found in it, each naming the source and field. */
public final class InvalidSourcesException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSourcesException(String origin, List<String> problems) {
        super(origin + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
