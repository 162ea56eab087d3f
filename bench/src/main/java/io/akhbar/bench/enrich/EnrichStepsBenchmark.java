package io.akhbar.bench.enrich;

import io.akhbar.enrich.EnrichSettings;
import io.akhbar.enrich.dedup.ArticleWords;
import io.akhbar.enrich.dedup.Fingerprints;
import io.akhbar.enrich.dedup.MinHasher;
import io.akhbar.enrich.tag.Tagger;
import io.akhbar.enrich.tag.Tags;
import io.akhbar.enrich.words.ArticleText;
import io.akhbar.model.AkhbarSerdes;
import io.akhbar.model.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * CPU per article of each pure step of enrich, over the ANT Corpus in one warm thread, beside encoding and decoding
 * the article with Avro (the least any stage does with it): what the enrichment proper costs, to hold against the
 * stream's whole CPU per article that {@link EnrichThroughputBenchmark} prints.
 *
 * <p>Arguments: {@code [rounds]} (default 5); the first round warms up and every round is printed. It ends with a
 * SHA-256 of every article's tags (entities with their mentions, topics, language, word count), so that two builds
 * can be shown to tag the corpus alike.
 */
public final class EnrichStepsBenchmark {
    private EnrichStepsBenchmark() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Article> corpus = AntCorpus.read(AntCorpus.locate()).stream().map(AntCorpus.Document::article).toList();
        EnrichSettings settings = EnrichSettings.defaults();
        MinHasher minHasher = new MinHasher(settings.signatureLength(), settings.shingleSize());
        Tagger tagger = Tagger.withBundledData();
        System.out.printf("%,d articles of the ANT Corpus; µs of CPU per article, one thread%n", corpus.size());
        long checksum = 0;
        MessageDigest tagsDigest = MessageDigest.getInstance("SHA-256");
        for (int round = 1; round <= rounds; round++) {
            long[] nanos = new long[6];
            for (Article article : corpus) {
                long t0 = System.nanoTime();
                ArticleText text = ArticleText.of(article.getTitle(), article.getParagraphs());
                ArticleWords words = ArticleWords.of(text);
                long t1 = System.nanoTime();
                String fingerprint = Fingerprints.of(words.all());
                long t2 = System.nanoTime();
                int[] signature = minHasher.signature(words.shingled());
                long t3 = System.nanoTime();
                Tags tags = tagger.tag(text, article.getLang());
                long t4 = System.nanoTime();
                byte[] bytes = AkhbarSerdes.ARTICLE.serializer().serialize("", article);
                long t5 = System.nanoTime();
                Article decoded = AkhbarSerdes.ARTICLE.deserializer().deserialize("", bytes);
                long t6 = System.nanoTime();
                long[] ends = {t1, t2, t3, t4, t5, t6};
                long previous = t0;
                for (int step = 0; step < ends.length; step++) {
                    nanos[step] += ends[step] - previous;
                    previous = ends[step];
                }
                checksum += fingerprint.length() + signature[0] + tags.entities().size()
                        + decoded.getParagraphs().size();
                if (round == 1) {
                    tagsDigest.update(tags.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            double n = corpus.size() * 1e3;
            System.out.printf("  round %d: normalised text and words %5.1f, fingerprint %5.1f, MinHash %5.1f, tags %5.1f"
                            + " = enrichment %5.1f; Avro encode %5.1f, decode %5.1f%n", round,
                    nanos[0] / n, nanos[1] / n, nanos[2] / n, nanos[3] / n,
                    (nanos[0] + nanos[1] + nanos[2] + nanos[3]) / n, nanos[4] / n, nanos[5] / n);
        }
        System.out.printf("(checksum %d; tags of every article, SHA-256 %s)%n", checksum,
                HexFormat.of().formatHex(tagsDigest.digest()));
    }
}
