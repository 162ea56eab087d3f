package io.akhbar.enrich.dedup;

import io.akhbar.enrich.words.ArticleText;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's normalised words, computed once for both the fingerprint (title and body) and the shingles (the
 * body, or title and body for very short texts, so that near-duplicates are judged on the story itself rather than
 * on headlines, which outlets rewrite).
 */
public record ArticleWords(List<String> all, List<String> shingled) {
    private static final int MIN_BODY_WORDS_FOR_SHINGLES = 20;

    public static ArticleWords of(String title, List<String> paragraphs) {
        return of(ArticleText.of(title, paragraphs));
    }

    public static ArticleWords of(ArticleText text) {
        List<String> titleWords = text.titleWords();
        List<String> body = text.bodyWords();
        List<String> all = new ArrayList<>(titleWords.size() + body.size());
        all.addAll(titleWords);
        all.addAll(body);
        return new ArticleWords(all, body.size() >= MIN_BODY_WORDS_FOR_SHINGLES ? body : all);
    }
}
