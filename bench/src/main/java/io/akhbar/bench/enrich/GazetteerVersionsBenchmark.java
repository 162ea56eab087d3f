package io.akhbar.bench.enrich;

import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.Article;
import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two gazetteers side by side on the whole ANT Corpus: the shipped one and another file, usually the shipped file of
 * an earlier version ({@code git show REV:enrich/src/main/resources/io/akhbar/enrich/tag/gazetteer.tsv}). For each it
 * prints the entities tagged per type (an entity counted once per article) and the articles with at least one, the
 * time {@link Tagger#tag} takes per article (both taggers alternated over several rounds in this JVM, the first round
 * a warm-up; only the gazetteer differs between them), and the entities whose article counts changed most: where to
 * read contexts before shipping a new version.
 *
 * <p>Arguments: {@code OTHER.tsv [--rounds N] [--top N] [--sample TYPE N SEED]}, 5 rounds and the top 25 by
 * default. {@code --sample} also prints N tags of TYPE drawn at random (with SEED) among those the shipped gazetteer
 * adds, an entity in an article where the other does not report it, each with the first sentence that names it on its
 * own (else the title): what to read to estimate the precision of what a new version adds.
 */
public final class GazetteerVersionsBenchmark {
    /** Sentences, for the context of a sampled tag: Arabic and Latin full stops, question and exclamation marks. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?؟])\\s+");

    private GazetteerVersionsBenchmark() {
    }

    /** A tag the shipped gazetteer gives and the other does not. */
    private record Gained(String docno, Entity entity) {
    }

    /** Articles per entity ({@code TYPE name}) and articles with at least one entity of each type. */
    private record Tally(Map<String, Integer> articlesByEntity, Map<EntityType, Integer> tags,
                         Map<EntityType, Integer> articlesWithType) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println(
                    "usage: GazetteerVersionsBenchmark OTHER.tsv [--rounds N] [--top N] [--sample TYPE N SEED]");
            System.exit(2);
        }
        List<String> options = Arrays.asList(args);
        int rounds = Math.max(2, intOption(options, "--rounds", 5));
        int top = intOption(options, "--top", 25);
        Path otherFile = Path.of(args[0]);
        List<AntCorpus.Document> documents = AntCorpus.read(AntCorpus.locate());
        List<Article> articles = documents.stream().map(AntCorpus.Document::article).toList();
        Tagger shipped = Tagger.withBundledData();
        Tagger other = Tagger.withGazetteer(otherFile);

        Tally shippedTally = tally(shipped, articles);
        Tally otherTally = tally(other, articles);
        System.out.printf("ANT Corpus: %d articles; the shipped gazetteer (tagger version %d) against %s%n%n",
                articles.size(), Tagger.VERSION, otherFile);
        System.out.printf("  %-14s %28s %28s%n", "", "shipped", "other");
        System.out.printf("  %-14s %14s %13s %14s %13s%n", "", "tags", "articles", "tags", "articles");
        for (EntityType type : EntityType.values()) {
            System.out.printf("  %-14s %,14d %,13d %,14d %,13d%n", type, shippedTally.tags().getOrDefault(type, 0),
                    shippedTally.articlesWithType().getOrDefault(type, 0), otherTally.tags().getOrDefault(type, 0),
                    otherTally.articlesWithType().getOrDefault(type, 0));
        }
        System.out.printf("  %-14s %,14d %13s %,14d%n", "all types", total(shippedTally), "", total(otherTally));

        double[][] micros = new double[2][rounds];
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) % 2;
                Tagger tagger = which == 0 ? shipped : other;
                long start = System.nanoTime();
                for (Article article : articles) {
                    checksum += tagger.tag(article.getTitle(), article.getParagraphs(), article.getLang())
                            .entities().size();
                }
                micros[which][round] = (System.nanoTime() - start) / 1_000.0 / articles.size();
            }
        }
        System.out.printf("%nTagging time per article, rounds after the first (alternated, checksum %d):%n", checksum);
        System.out.printf("  shipped  %s µs%n  other    %s µs%n", rounds(micros[0]), rounds(micros[1]));

        System.out.printf("%nEntities in more articles with the shipped gazetteer (articles: shipped / other):%n");
        changes(shippedTally, otherTally, top).forEach(System.out::println);
        System.out.printf("%nEntities in fewer articles with the shipped gazetteer (articles: other / shipped):%n");
        changes(otherTally, shippedTally, top).forEach(System.out::println);

        int sample = options.indexOf("--sample");
        if (sample >= 0) {
            EntityType type = EntityType.valueOf(options.get(sample + 1));
            printSample(shipped, other, documents, type, Integer.parseInt(options.get(sample + 2)),
                    Long.parseLong(options.get(sample + 3)));
        }
    }

    private static void printSample(Tagger shipped, Tagger other, List<AntCorpus.Document> documents, EntityType type,
                                    int size, long seed) {
        List<Gained> gained = new ArrayList<>();
        for (AntCorpus.Document document : documents) {
            Article article = document.article();
            Set<String> before = AntEntitiesBenchmark.names(
                    other.tag(article.getTitle(), article.getParagraphs(), article.getLang()).entities(), type);
            for (Entity entity : shipped.tag(article.getTitle(), article.getParagraphs(), article.getLang())
                    .entities()) {
                if (entity.getType() == type && !before.contains(entity.getName())) {
                    gained.add(new Gained(document.docno(), entity));
                }
            }
        }
        Map<String, Article> byDocno = new HashMap<>();
        documents.forEach(document -> byDocno.put(document.docno(), document.article()));
        Collections.shuffle(gained, new Random(seed));
        System.out.printf("%n%d of the %,d %s tags the shipped gazetteer adds, drawn with seed %d:%n",
                Math.min(size, gained.size()), gained.size(), type, seed);
        for (Gained tag : gained.subList(0, Math.min(size, gained.size()))) {
            System.out.printf("  %s | %s | %s%n", tag.docno(), tag.entity().getName(),
                    sentenceNaming(shipped, byDocno.get(tag.docno()), tag.entity()));
        }
    }

    /** The first sentence of the article that names the entity on its own, else the title. */
    private static String sentenceNaming(Tagger tagger, Article article, Entity entity) {
        for (String paragraph : article.getParagraphs()) {
            for (String sentence : SENTENCE_END.split(paragraph)) {
                List<Entity> named = tagger.tag(sentence, List.of(), article.getLang()).entities();
                if (AntEntitiesBenchmark.names(named, entity.getType()).contains(entity.getName())) {
                    return sentence;
                }
            }
        }
        return article.getTitle();
    }

    private static Tally tally(Tagger tagger, List<Article> articles) {
        Map<String, Integer> byEntity = new HashMap<>();
        Map<EntityType, Integer> tags = new EnumMap<>(EntityType.class);
        Map<EntityType, Integer> withType = new EnumMap<>(EntityType.class);
        for (Article article : articles) {
            Set<EntityType> types = new HashSet<>();
            List<Entity> entities =
                    tagger.tag(article.getTitle(), article.getParagraphs(), article.getLang()).entities();
            for (Entity entity : entities) {
                byEntity.merge(entity.getType() + " " + entity.getName(), 1, Integer::sum);
                tags.merge(entity.getType(), 1, Integer::sum);
                types.add(entity.getType());
            }
            types.forEach(type -> withType.merge(type, 1, Integer::sum));
        }
        return new Tally(byEntity, tags, withType);
    }

    private static int total(Tally tally) {
        return tally.tags().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The entities {@code more} tags in more articles than {@code fewer}, largest gain first. */
    private static List<String> changes(Tally more, Tally fewer, int top) {
        List<String> lines = new ArrayList<>();
        more.articlesByEntity().entrySet().stream()
                .filter(e -> e.getValue() > fewer.articlesByEntity().getOrDefault(e.getKey(), 0))
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) ->
                                e.getValue() - fewer.articlesByEntity().getOrDefault(e.getKey(), 0)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .forEach(e -> lines.add(String.format("  %-48s %,6d / %,d", e.getKey(), e.getValue(),
                        fewer.articlesByEntity().getOrDefault(e.getKey(), 0))));
        return lines;
    }

    private static String rounds(double[] micros) {
        StringBuilder text = new StringBuilder();
        for (int round = 1; round < micros.length; round++) {
            text.append(round > 1 ? " / " : "").append(String.format("%.1f", micros[round]));
        }
        return text.toString();
    }

    private static int intOption(List<String> options, String name, int fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
    }
}
