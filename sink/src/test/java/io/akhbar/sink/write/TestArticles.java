package io.akhbar.sink.write;

import io.akhbar.model.Article;
import io.akhbar.model.DuplicateKind;
import io.akhbar.model.EnrichedArticle;
import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;
import io.akhbar.model.ExtractionInfo;

import java.time.Instant;
import java.util.List;

/** Enriched articles for tests. */
final class TestArticles {
    static final Instant PUBLISHED = Instant.parse("2024-05-01T10:15:30Z");
    static final Instant FETCHED = Instant.parse("2024-05-01T10:20:00Z");

    private TestArticles() {
    }

    static EnrichedArticle complete() {
        Article article = Article.newBuilder()
                .setId("0123456789abcdef0123456789abcdef")
                .setCanonicalUrl("https://www.example.com/news/1")
                .setUrl("https://www.example.com/news/1?utm=x")
                .setSite("example.com")
                .setSource("example")
                .setTitle("أردوغان يدعو إلى منع التصعيد")
                .setByline("مراسل")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(FETCHED)
                .setParagraphs(List.of("الفقرة الأولى.", "  ", "الفقرة الثانية. "))
                .setLang("ar")
                .setExtraction(new ExtractionInfo("1.2.0", "json-ld", List.of("اقرأ أيضا"), 0.9))
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setFingerprint("f1")
                .setContentVersion(2)
                .setDocumentVersion(7)
                .setStoryId("story-1")
                .setDuplicate(DuplicateKind.NEAR)
                .setDuplicateOf("other")
                .setEntities(List.of(
                        new Entity(EntityType.PERSON, "رجب طيب أردوغان", 2),
                        new Entity(EntityType.PLACE, "أنقرة", 1),
                        new Entity(EntityType.ORGANIZATION, "الأمم المتحدة", 1),
                        new Entity(EntityType.PERSON, "أنطونيو غوتيريش", 1)))
                .setTopics(List.of("politics", "turkey"))
                .setWordCount(120)
                .setTaggerVersion(3)
                .build();
    }

    /** Only what the schema requires. */
    static EnrichedArticle minimal() {
        EnrichedArticle enriched = complete();
        Article article = enriched.getArticle();
        article.setSource(null);
        article.setByline(null);
        article.setPublishedAt(null);
        enriched.setDuplicate(null);
        enriched.setDuplicateOf(null);
        enriched.setEntities(List.of());
        enriched.setTopics(List.of());
        return enriched;
    }
}
