package io.akhbar.enrich.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An article's text as written and as {@link Clauses} of normalised words, normalised once for every step that
 * reads it: the fingerprint and the shingles take its words, the tagger its clauses. Normalising is a third of what
 * tagging costs, and the stream used to do it twice per article.
 *
 * @param title        the title as written; may be null
 * @param paragraphs   the body as written, one string a paragraph
 * @param titleClauses the title's clauses
 * @param bodyClauses  the body's clauses, paragraph after paragraph
 */
public record ArticleText(String title, List<String> paragraphs, List<List<String>> titleClauses,
                          List<List<String>> bodyClauses) {

    /** @param paragraphs the body, one string a paragraph; may be null */
    public static ArticleText of(String title, List<String> paragraphs) {
        List<String> body = Objects.requireNonNullElse(paragraphs, List.of());
        List<List<String>> bodyClauses = new ArrayList<>();
        for (String paragraph : body) {
            bodyClauses.addAll(Clauses.of(paragraph));
        }
        return new ArticleText(title, body, Clauses.of(title), bodyClauses);
    }

    /** The title's words, in order. */
    public List<String> titleWords() {
        return words(titleClauses);
    }

    /** The body's words, in order. */
    public List<String> bodyWords() {
        return words(bodyClauses);
    }

    private static List<String> words(List<List<String>> clauses) {
        int count = 0;
        for (List<String> clause : clauses) {
            count += clause.size();
        }
        List<String> words = new ArrayList<>(count);
        clauses.forEach(words::addAll);
        return words;
    }
}
