package io.akhbar.bench.enrich;

import io.akhbar.enrich.tag.Tagger;
import io.akhbar.model.Article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tagger's topics on real Arabic news, against the section each outlet filed the article under: the ANT
 * Corpus's sport, economy, culture and technology sections. A section is not a topic label (an economy story may be
 * about a war), so the figures are proxies that move with the taxonomy's quality:
 *
 * <ul>
 *   <li><b>recall</b>: of a section's articles, those given one of the topics the section covers;</li>
 *   <li><b>share in its section</b>: of the articles given a topic, those filed under a section it belongs to, a lower
 *       bound of precision, since news sections also carry articles about other sections' subjects;</li>
 *   <li>articles given no topic at all, per section.</li>
 * </ul>
 *
 * <p>The technology sections of these outlets are "science and technology" (BBC Arabic's and Sky News Arabia's
 * علوم وتكنولوجيا): they cover technology, science, health and environment. The middle-east and international
 * sections belong to no single topic and only count in "no topic". Articles with an even number in their DOCNO are
 * the {@code dev} sample, which may guide changes to the taxonomy; odd ones are {@code held-out}, the figures to
 * quote.
 *
 * <p>Arguments: {@code [--misses SECTION N]} prints the titles and topics of N dev articles of SECTION that miss.
 */
public final class AntTopicsBenchmark {
    /** The topics each section covers, in the taxonomy's ids. */
    private static final Map<String, Set<String>> TOPICS_OF_SECTION = Map.of(
            "sport", Set.of("sports"),
            "economy", Set.of("economy-energy"),
            "culture", Set.of("culture"),
            "technology", Set.of("technology", "science", "health", "environment"));
    private static final List<String> SECTIONS = List.of("sport", "economy", "culture", "technology",
            "middleEast", "internationalNews");

    private AntTopicsBenchmark() {
    }

    private record Tagged(String sample, String section, List<String> topics, String title, String docno) {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        Tagger tagger = Tagger.withBundledData();
        List<Tagged> tagged = new ArrayList<>();
        for (AntCorpus.Document document : AntCorpus.read(AntCorpus.locate())) {
            String[] docno = document.docno().split("-");
            Article article = document.article();
            tagged.add(new Tagged(Integer.parseInt(docno[2]) % 2 == 0 ? "dev" : "held-out", docno[1],
                    tagger.tag(article.getTitle(), article.getParagraphs(), article.getLang()).topics(),
                    article.getTitle(), document.docno()));
        }
        System.out.printf("ANT Corpus: %,d articles; topics against the outlets' sections (tagger version %d)%n",
                tagged.size(), Tagger.VERSION);
        for (String sample : List.of("held-out", "dev")) {
            List<Tagged> inSample = tagged.stream().filter(article -> article.sample().equals(sample)).toList();
            System.out.printf("%n%s (%,d articles)%n", sample, inSample.size());
            printRecall(inSample);
            printShareInSection(inSample);
        }
        int at = options.indexOf("--misses");
        if (at >= 0) {
            printMisses(tagged, options.get(at + 1), Integer.parseInt(options.get(at + 2)));
        }
    }

    private static void printRecall(List<Tagged> articles) {
        for (String section : SECTIONS) {
            List<Tagged> inSection = articles.stream().filter(article -> article.section().equals(section)).toList();
            long none = inSection.stream().filter(article -> article.topics().isEmpty()).count();
            Set<String> covered = TOPICS_OF_SECTION.get(section);
            String recall = covered == null ? "" : "recall " + ratio(inSection.stream()
                    .filter(article -> article.topics().stream().anyMatch(covered::contains)).count(), inSection.size())
                    + " " + covered;
            System.out.printf("  section %-18s no topic %-20s %s%n", section, ratio(none, inSection.size()), recall);
        }
    }

    private static void printShareInSection(List<Tagged> articles) {
        Map<String, long[]> byTopic = new TreeMap<>();
        for (Tagged article : articles) {
            for (String topic : article.topics()) {
                long[] counts = byTopic.computeIfAbsent(topic, t -> new long[2]);
                counts[1]++;
                Set<String> covered = TOPICS_OF_SECTION.get(article.section());
                counts[0] += covered != null && covered.contains(topic) ? 1 : 0;
            }
        }
        Map<String, long[]> sectionTopics = new LinkedHashMap<>();
        TOPICS_OF_SECTION.values().stream().flatMap(Set::stream).sorted()
                .forEach(topic -> sectionTopics.put(topic, byTopic.getOrDefault(topic, new long[2])));
        sectionTopics.forEach((topic, counts) -> System.out.printf("  topic %-16s share in its section %s%n",
                topic, ratio(counts[0], counts[1])));
    }

    private static void printMisses(List<Tagged> articles, String section, int limit) {
        Set<String> covered = TOPICS_OF_SECTION.get(section);
        System.out.printf("%ndev articles of %s given none of %s:%n", section, covered);
        articles.stream()
                .filter(article -> article.sample().equals("dev") && article.section().equals(section))
                .filter(article -> article.topics().stream().noneMatch(covered::contains))
                .limit(limit)
                .forEach(article -> System.out.printf("  %s %s %s%n", article.docno(), article.topics(), article.title()));
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "–" : String.format("%.3f (%d/%d)", (double) part / whole, part, whole);
    }
}
