package io.akhbar.bench.enrich;

import io.akhbar.bench.enrich.AntCorpus.Document;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.Entity;
import io.akhbar.model.EntityType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The tagger's entities on real Arabic news: ANT Corpus articles whose people, places and organisations were listed
 * by reading them ({@code ant-entity-labels.tsv}, which says how), scored per entity type. Precision: entities the
 * tagger reports that the article names. Recall: of the entities the article names that the gazetteer holds, those
 * the tagger finds. Coverage, the comparison that says what recall leaves out: of all the entities the article
 * names, those the shipped gazetteer holds. Each article counts an entity once. Articles of the {@code dev} sample
 * may have guided changes to the gazetteer; the {@code held-out} sample did not, so its figures are the ones to
 * quote.
 *
 * <p>Arguments: {@code [--details]} lists every miss and every entity reported wrongly.
 */
public final class AntEntitiesBenchmark {
    private static final String LABELS = "ant-entity-labels.tsv";

    private AntEntitiesBenchmark() {
    }

    /** One entity an article names, as read: its gazetteer name when the gazetteer holds it. */
    record Label(String sample, String docno, EntityType type, String name, boolean inGazetteer, String spellings) {
    }

    /**
     * @param tagged  entities the tagger reported
     * @param correct of those, entities the article names
     * @param known   entities the article names that the gazetteer holds
     * @param named   entities the article names
     */
    private record Count(int tagged, int correct, int known, int named) {
        static final Count ZERO = new Count(0, 0, 0, 0);

        Count plus(Count other) {
            return new Count(tagged + other.tagged, correct + other.correct, known + other.known, named + other.named);
        }

        @Override
        public String toString() {
            return String.format("%-18s %-18s %s", ratio(correct, tagged), ratio(correct, known), ratio(known, named));
        }

        private static String ratio(int part, int whole) {
            return whole == 0 ? "–" : String.format("%.3f (%d/%d)", (double) part / whole, part, whole);
        }
    }

    public static void main(String[] args) {
        boolean details = Arrays.asList(args).contains("--details");
        List<Label> labels = read();
        Map<String, List<Label>> byDocno = new LinkedHashMap<>();
        Set<String> articles = new HashSet<>();
        for (Label label : labels) {
            articles.add(label.docno());
            if (label.type() != null) {
                byDocno.computeIfAbsent(label.docno(), docno -> new ArrayList<>()).add(label);
            }
        }
        Map<String, String> sampleOf = new HashMap<>();
        labels.forEach(label -> sampleOf.put(label.docno(), label.sample()));
        Map<String, Document> corpus = new HashMap<>();
        AntCorpus.read(AntCorpus.locate()).stream().filter(d -> articles.contains(d.docno()))
                .forEach(d -> corpus.put(d.docno(), d));
        if (corpus.size() != articles.size()) {
            throw new IllegalStateException(LABELS + " names " + articles.size() + " articles, the corpus holds "
                    + corpus.size() + " of them");
        }

        Tagger tagger = Tagger.withBundledData();
        Map<String, Map<EntityType, Count>> counts = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String docno : new TreeSet<>(articles)) {
            Document document = corpus.get(docno);
            List<Entity> tagged = tagger.tag(document.article().getTitle(), document.article().getParagraphs(),
                    document.article().getLang()).entities();
            List<Label> named = byDocno.getOrDefault(docno, List.of());
            Map<EntityType, Count> article = new TreeMap<>();
            for (EntityType type : EntityType.values()) {
                Set<String> reported = names(tagged, type);
                Set<String> known = new HashSet<>();
                Set<String> all = new HashSet<>();
                for (Label label : named) {
                    if (label.type() == type) {
                        all.add(label.name());
                        if (label.inGazetteer()) {
                            known.add(label.name());
                        }
                    }
                }
                int correct = (int) reported.stream().filter(known::contains).count();
                article.put(type, new Count(reported.size(), correct, known.size(), all.size()));
                reported.stream().filter(Predicate.not(known::contains)).sorted()
                        .forEach(name -> wrong.add(docno + "  " + type + "  " + name));
                named.stream().filter(l -> l.type() == type && l.inGazetteer() && !reported.contains(l.name()))
                        .forEach(l -> misses.add(docno + "  " + type + "  " + l.name() + "  (as written: "
                                + l.spellings() + ")"));
            }
            String sample = sampleOf.get(docno);
            Map<EntityType, Count> total = counts.computeIfAbsent(sample, s -> new TreeMap<>());
            article.forEach((type, count) -> total.merge(type, count, Count::plus));
        }

        long heldOut = articles.stream().filter(d -> sampleOf.get(d).equals("held-out")).count();
        System.out.printf("ANT Corpus: %d articles whose entities were listed by reading (%d held-out, %d dev),"
                        + " %d entities named%n%n", articles.size(), heldOut, articles.size() - heldOut,
                byDocno.values().stream().mapToInt(List::size).sum());
        System.out.printf("  %-22s %-18s %-18s %s%n", "", "precision", "recall", "gazetteer coverage");
        Map<EntityType, Count> everything = new TreeMap<>();
        for (String sample : List.of("held-out", "dev")) {
            Map<EntityType, Count> bySample = counts.getOrDefault(sample, Map.of());
            Count all = Count.ZERO;
            for (EntityType type : EntityType.values()) {
                Count count = bySample.getOrDefault(type, Count.ZERO);
                System.out.printf("  %-22s %s%n", sample + ", " + type, count);
                all = all.plus(count);
                everything.merge(type, count, Count::plus);
            }
            System.out.printf("  %-22s %s%n", sample + ", all types", all);
        }
        Count all = everything.values().stream().reduce(Count.ZERO, Count::plus);
        System.out.printf("  %-22s %s%n", "both samples", all);
        System.out.printf("%n%d misses, %d entities reported that the article does not name%s%n", misses.size(),
                wrong.size(), details ? "" : " (--details lists them)");
        if (details) {
            misses.forEach(miss -> System.out.println("  missed    " + miss));
            wrong.forEach(entity -> System.out.println("  reported  " + entity));
        }
    }

    /** The names of the entities of one type. */
    static Set<String> names(List<Entity> entities, EntityType type) {
        Set<String> names = new HashSet<>();
        entities.stream().filter(e -> e.getType() == type).forEach(e -> names.add(e.getName()));
        return names;
    }

    private static List<Label> read() {
        try (InputStream in = AntEntitiesBenchmark.class.getResourceAsStream(LABELS)) {
            List<Label> labels = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                boolean none = f[2].equals("NONE");
                labels.add(new Label(f[0], f[1], none ? null : EntityType.valueOf(f[2]), none ? null : f[3],
                        !none && f[4].equals("yes"), none || f.length < 6 ? "" : f[5]));
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
