package io.akhbar.bench.extract;

import io.akhbar.ingest.extract.PageDecoder;
import org.jsoup.Jsoup;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Akhbar's article extractor beside boilerpipe and Readability4J, on the same pages in one run: body precision,
 * recall and F1 by the Zyte article-extraction-benchmark's own scoring ({@link ZyteScoring}) on its 181 pages,
 * single-thread speed on those pages (best of interleaved rounds, with Jsoup's parse alone as the ceiling), and
 * on the extractor's Arabic fixtures the boilerplate lines left, exact paragraphs, titles, dates and listings.
 *
 * <pre>
 * bench/run io.akhbar.bench.extract.ExtractionBenchmark [--zyte DIR] [--fixtures DIR] [--rounds N]
 *                                                       [--warmup N] [--details]
 * </pre>
 * The Zyte pages are third-party data and stay outside the repository: by default {@code ../shared/benchmarks/zyte}
 * beside the checkout.
 */
public final class ExtractionBenchmark {
    private static final String JSOUP_PARSE = "Jsoup parse only (ceiling)";
    private static final int WORST_PAGES_SHOWN = 8;

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ExtractionBenchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Path root = checkoutRoot();
        Path zyteDir = root.resolve("../shared/benchmarks/zyte");
        Path fixturesDir = root.resolve("ingest/src/test/resources/extract");
        int rounds = 10;
        int warmup = 5;
        boolean details = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--zyte" -> zyteDir = Path.of(value(args, ++i));
                case "--fixtures" -> fixturesDir = Path.of(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--details" -> details = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--zyte DIR] [--fixtures DIR] [--rounds N] [--warmup N] [--details]");
            }
        }
        ZyteCorpus zyte = ZyteCorpus.load(zyteDir);
        ArabicFixtures fixtures = ArabicFixtures.load(fixturesDir);
        List<Contender> contenders = List.of(new AkhbarContender(), new BoilerpipeContender(),
                new ReadabilityContender());
        PrintStream out = System.out;
        out.printf("Extraction benchmark: %d Zyte pages, %d Arabic fixture pages; Java %s, %d cores%n",
                zyte.pages().size(), fixtures.fixtures().size(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        Map<String, ZyteScoring.Summary> quality = new LinkedHashMap<>();
        Map<String, ArabicFixtures.Result> arabic = new LinkedHashMap<>();
        for (Contender c : contenders) {
            quality.put(c.name(), scoreZyte(c, zyte, details ? out : null));
            arabic.put(c.name(), fixtures.score(c, details ? out : null));
        }

        List<SpeedRounds.Entry> entries = new ArrayList<>();
        for (Contender c : contenders) {
            entries.add(new SpeedRounds.Entry(c.name(), (body, url) -> c.extract(body, null, url)));
        }
        entries.add(new SpeedRounds.Entry(JSOUP_PARSE,
                (body, url) -> Jsoup.parse(PageDecoder.decode(body, null), url == null ? "" : url)));
        SpeedRounds.Result speed = SpeedRounds.measure(entries, zyte.pages(), warmup, rounds);

        printTable(out, contenders, quality, arabic, speed, rounds, warmup);
    }

    private static ZyteScoring.Summary scoreZyte(Contender c, ZyteCorpus zyte, PrintStream details) {
        List<ZyteScoring.Counts> shingles = new ArrayList<>();
        List<ZyteScoring.Counts> tokens = new ArrayList<>();
        Map<String, Double> pageF1 = new LinkedHashMap<>();
        int failures = 0;
        for (ZyteCorpus.Page page : zyte.pages()) {
            String predicted;
            try {
                Contender.Extraction e = c.extract(page.html(), null, page.url());
                // A page the pipeline would not emit as an article yields no body.
                predicted = e.article() ? e.text() : "";
            } catch (Exception failure) {
                failures++;
                predicted = "";
            }
            ZyteScoring.Counts counts = ZyteScoring.match(page.truth(), predicted, ZyteScoring.SHINGLE);
            shingles.add(counts);
            tokens.add(ZyteScoring.match(page.truth(), predicted, 1));
            pageF1.put(page.key().substring(0, 8) + " " + page.url(), counts.f1());
        }
        if (failures > 0) {
            System.out.printf("%s failed on %d Zyte pages (scored as empty)%n", c.name(), failures);
        }
        if (details != null) {
            details.printf("%s, worst Zyte pages (shingle F1):%n", c.name());
            pageF1.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .limit(WORST_PAGES_SHOWN)
                    .forEach(e -> details.printf("  %.3f %s%n", e.getValue(), e.getKey()));
        }
        return ZyteScoring.summarise(shingles, tokens);
    }

    private static void printTable(PrintStream out, List<Contender> contenders,
                                   Map<String, ZyteScoring.Summary> quality,
                                   Map<String, ArabicFixtures.Result> arabic,
                                   SpeedRounds.Result result, int rounds, int warmup) {
        Map<String, SpeedRounds.Speed> speed = result.speeds();
        double boilerpipe = speed.get(contenders.get(1).name()).best();
        out.println();
        out.printf("%-32s | %-29s | %-27s | %s%n", "", "Zyte body (benchmark scoring)",
                "speed, Zyte pages, 1 thread", "Arabic fixtures");
        out.printf("%-32s | %5s %5s %5s %6s | %8s %7s %9s | %-7s %-9s %-11s %-6s %-6s %-8s%n",
                "extractor", "P", "R", "F1", "tokF1", "pages/s", "× bp", "(worst)",
                "exact", "paras", "boilerpl.", "titles", "dates", "listings");
        for (Contender c : contenders) {
            ZyteScoring.Summary q = quality.get(c.name());
            SpeedRounds.Speed s = speed.get(c.name());
            ArabicFixtures.Result a = arabic.get(c.name());
            out.printf("%-32s | %.3f %.3f %.3f %6.3f | %8.0f %6.2f× %9.0f | %-7s %-9s %-11d %-6s %-6s %-8s%n",
                    c.name(), q.precision(), q.recall(), q.f1(), q.tokenF1(), s.best(), s.best() / boilerpipe,
                    s.worst(), a.exactPages() + "/" + a.articles(), a.exactParagraphs() + "/" + a.paragraphs(),
                    a.boilerplateLines(), a.titlesRight() + "/" + a.titles(), ratio(a.datesRight(), a.dates()),
                    ratio(a.listingsRecognised(), a.listings()));
        }
        SpeedRounds.Speed ceiling = speed.get(JSOUP_PARSE);
        out.printf("%-32s | %5s %5s %5s %6s | %8.0f %6.2f× %9.0f |%n", JSOUP_PARSE, "", "", "", "", ceiling.best(),
                ceiling.best() / boilerpipe, ceiling.worst());
        out.printf("%nSpeed: pages per CPU second of one thread, best (and worst) of %d rounds after %d warm-up rounds;"
                + " the extractors take turns page by page, each starting from the page's bytes (same decoder)."
                + " Garbage collection, on other threads, paused the run %.1f%% of its wall-clock time.%n", rounds,
                warmup, result.gcShare() * 100);
        out.println("P, R, F1: 4-token shingles per page, precision and recall averaged over pages, F1 of the means"
                + " (Zyte evaluate.py); tokF1: single-token F1 per page, averaged.");
        out.println("Arabic fixtures: exact = pages whose paragraphs are exactly the expected ones; paras = expected"
                + " paragraphs found as an output line; boilerpl. = output lines matching a phrase rule or not in the"
                + " expected body; n/a = the extractor does not report it.");
    }

    private static String ratio(Integer right, int total) {
        return right == null ? "n/a" : right + "/" + total;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** The checkout this class was built in (bench/target/classes is three levels down), else the working directory. */
    private static Path checkoutRoot() throws URISyntaxException {
        Path dir = Path.of(ExtractionBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("bench/run")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
