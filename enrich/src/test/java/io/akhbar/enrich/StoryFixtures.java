package io.akhbar.enrich;

import io.akhbar.model.Article;
import io.akhbar.model.ArticleKeys;
import io.akhbar.model.ExtractionInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** The five seed stories, and the perturbations another outlet makes when it republishes one. */
public final class StoryFixtures {
    public static final int SEEDS = 5;
    public static final Instant FIRST_PUBLISHED = Instant.parse("2024-03-01T08:00:00Z");

    private StoryFixtures() {
    }

    public record Story(String title, List<String> paragraphs) {
        public Story map(UnaryOperator<String> everyText) {
            return new Story(everyText.apply(title), paragraphs.stream().map(everyText).toList());
        }
    }

    public static Story seed(int index) {
        String resource = "/io/akhbar/enrich/stories/seed-" + index + ".txt";
        try (InputStream in = StoryFixtures.class.getResourceAsStream(resource)) {
            List<String> lines = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank()).toList();
            return new Story(lines.get(0), lines.subList(1, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A story made of the paragraphs of others, under the first one's title. */
    public static Story joined(Story... parts) {
        List<String> paragraphs = new ArrayList<>();
        for (Story part : parts) {
            paragraphs.addAll(part.paragraphs());
        }
        return new Story(parts[0].title(), paragraphs);
    }

    public static Article article(String url, Story story, Instant published) {
        return Article.newBuilder()
                .setId(ArticleKeys.of(url))
                .setCanonicalUrl(url).setUrl(url)
                .setSite(java.net.URI.create(url).getHost())
                .setTitle(story.title()).setParagraphs(story.paragraphs())
                .setPublishedAt(published).setFetchedAt(published.plusSeconds(60))
                .setLang("ar")
                .setExtraction(ExtractionInfo.newBuilder().setExtractorVersion("test").setMethod("test").build())
                .build();
    }

    /**
     * How outlets change a story they republish. Spelling variants, diacritics and obfuscation vanish in
     * normalisation: such a copy has the same normalised text, so it is an exact duplicate, not a near one.
     */
    public enum Republish {
        SPELLING_VARIANTS(false, s -> new Story(s.title(), s.paragraphs().stream()
                .map(p -> p.replace("أردوغان", "إردوغان").replace("إدلب", "ادلب")).toList())),
        DIACRITICS_ADDED(false, s -> s.map(t -> t.replace("الرئيس", "الرَّئِيسُ").replace("بوتين", "بُوتِين"))),
        OBFUSCATED(false, s -> s.map(t -> t.replace("منع", "منـ.ـع").replace("التصعيد", "التصـ.ـعيد").replace("الأزمة", "الأزمـ.ـة"))),
        LAST_PARAGRAPH_DROPPED(true, s -> new Story(s.title(), s.paragraphs().subList(0, s.paragraphs().size() - 1))),
        PARAGRAPH_ADDED(true, s -> new Story(s.title(), append(s.paragraphs(),
                "وتأتي هذه التطورات في ظل تصاعد التوتر في المنطقة خلال الأسابيع الأخيرة وفق ما أفادت به مصادر محلية متطابقة."))),
        TITLE_REWORDED(true, s -> new Story("عاجل: " + s.title().replace("بين", "ما بين") + " (تفاصيل)", s.paragraphs())),
        AGENCY_EDIT(true, s -> new Story("خلال اتصال هاتفي: " + s.title(), append(
                SPELLING_VARIANTS.apply(s).paragraphs().subList(1, s.paragraphs().size()), "المصدر: وكالات")));

        private final boolean changesNormalisedText;
        private final UnaryOperator<Story> change;

        Republish(boolean changesNormalisedText, UnaryOperator<Story> change) {
            this.changesNormalisedText = changesNormalisedText;
            this.change = change;
        }

        public Story apply(Story story) {
            return change.apply(story);
        }

        public boolean changesNormalisedText() {
            return changesNormalisedText;
        }
    }

    private static List<String> append(List<String> paragraphs, String extra) {
        List<String> out = new ArrayList<>(paragraphs);
        out.add(extra);
        return out;
    }
}
