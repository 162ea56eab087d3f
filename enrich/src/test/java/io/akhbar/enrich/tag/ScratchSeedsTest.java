package io.akhbar.enrich.tag;

import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class ScratchSeedsTest {
    @Test
    void print() throws Exception {
        Tagger t = Tagger.withBundledData();
        try (var files = Files.list(Path.of("/work/shared/seeds"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
                Tags tags = t.tag(lines.get(0), lines.subList(1, lines.size()), null);
                System.out.println("== " + f.getFileName() + " " + tags.lang() + " words=" + tags.wordCount() + " topics=" + tags.topics());
                tags.entities().forEach(e -> System.out.println("   " + e.getType() + " " + e.getName() + " " + e.getMentions()));
            }
        }
    }
}
