package io.akhbar.enrich.tag;

import io.akhbar.enrich.words.ArticleText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags an article with the entities it names, its topics, its language and its length. Pure and thread-safe: the
 * same text always gets the same tags from the same data, which is what lets a replay re-tag history.
 */
public final class Tagger {
    /**
     * Stored with every tagged article. Bump it whenever the gazetteer, the taxonomy or the rules change the output,
     * so that re-tagged history is visibly newer than what the index holds.
     */
    public static final int VERSION = 6;

    private final EntityRecognizer entities;
    private final TopicTaxonomy taxonomy;

    private Tagger(Gazetteer gazetteer, TopicTaxonomy taxonomy) {
        this.entities = new EntityRecognizer(gazetteer);
        this.taxonomy = taxonomy;
    }

    /** The tagger with the shipped gazetteer and taxonomy, which are read once per class loader. */
    public static Tagger withBundledData() {
        return Bundled.TAGGER;
    }

    /**
     * The shipped data extended by a gazetteer file of the same format; where both spell the same words, the file
     * wins, so configuration can also re-assign or suppress (NOT_A_NAME) a shipped spelling.
     */
    public static Tagger withBundledDataAnd(Path extraGazetteer) {
        return new Tagger(Bundled.GAZETTEER.extendedWith(Gazetteer.read(extraGazetteer)), Bundled.TAXONOMY);
    }

    /**
     * The shipped taxonomy with a gazetteer file in place of the shipped one, such as an earlier version of it, so
     * that two gazetteers can be compared on the same text ({@code GazetteerVersionsBenchmark}).
     */
    public static Tagger withGazetteer(Path gazetteer) {
        return new Tagger(Gazetteer.read(gazetteer), Bundled.TAXONOMY);
    }

    /**
     * Tags one article.
     *
     * @param title      the article's title; may be null
     * @param paragraphs the body, one string a paragraph; may be null
     * @param langHint   the language the page declared, used only when the letters are not mostly Arabic; nullable
     */
    public Tags tag(String title, List<String> paragraphs, String langHint) {
        return tag(ArticleText.of(title, paragraphs), langHint);
    }

    /** Tags one article whose text is normalised already; {@code langHint} as above. */
    public Tags tag(ArticleText text, String langHint) {
        List<List<String>> allClauses = new ArrayList<>(text.titleClauses());
        allClauses.addAll(text.bodyClauses());
        return new Tags(
                entities.entitiesIn(allClauses),
                taxonomy.topicsOf(text.titleClauses(), text.bodyClauses()),
                Language.of(text.title(), text.paragraphs(), langHint),
                text.bodyClauses().stream().mapToInt(List::size).sum());
    }

    /** Holder so that the shipped data is parsed on first use, once, without locking. */
    private static final class Bundled {
        static final Gazetteer GAZETTEER = Gazetteer.bundled();
        static final TopicTaxonomy TAXONOMY = TopicTaxonomy.bundled();
        static final Tagger TAGGER = new Tagger(GAZETTEER, TAXONOMY);
    }
}
