package io.akhbar.enrich.tag;

import java.util.List;
import java.util.Optional;

/**
 * One way of writing a name, as normalised words.
 *
 * @param entity    the entity it names; empty for a phrase that contains a name but is not one (مجلس الأمن القومي)
 * @param ambiguous whether the words also mean something else (الأسد, the lion), so that they count only in an
 *                  article that names the entity unambiguously as well
 */
record Spelling(List<String> words, Optional<KnownEntity> entity, boolean ambiguous) {
    Spelling {
        words = List.copyOf(words);
    }
}
