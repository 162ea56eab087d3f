package io.akhbar.localstack.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any number of news outlets on loopback, each on an address of its own (127.0.0.10, .11, ...) so that each is a
 * host of its own to a polite crawler, serving articles made up on request: for fault and load tests that need
 * thousands of pages whose ground truth is known. Each outlet lists its articles in a sitemap. Articles are word
 * salad from an Arabic news vocabulary, so two of them share no wording, except that every tenth article of each
 * outlet after the first republishes the first outlet's article of the same number minutes later, under a dateline
 * of its own: the same story, a near duplicate close enough that locality-sensitive hashing cannot miss it (a
 * rewritten paragraph would leave a few per cent of such pairs unmatched, by design of the hashing).
 */
public final class GeneratedNewsSite implements AutoCloseable {
    /** 127.0.0.10 and up; 127.0.0.1 to .9 are left to the other test sites. */
    private static final int FIRST_ADDRESS = 10;
    private static final int MAX_OUTLETS = 245;
    private static final int PARAGRAPHS = 6;
    private static final int WORDS_PER_PARAGRAPH = 32;
    private static final int DATELINE_WORDS = 4;
    private static final int REPUBLISHED_EVERY = 10;
    private static final Instant FIRST_PUBLISHED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Pattern ARTICLE_PATH = Pattern.compile("/\\d{4}/\\d\\d/a-(\\d+)/");
    private static final Logger log = LoggerFactory.getLogger(GeneratedNewsSite.class);
    private static final String[] WORDS = ("الحكومة الوزير الرئيس البرلمان المدينة العاصمة الجنوب الشمال الشرق الغرب "
            + "اجتماع مؤتمر اتفاق مفاوضات تصريح بيان قرار مشروع قانون ميزانية اقتصاد تجارة صادرات واردات أسعار نفط "
            + "غاز كهرباء مياه زراعة صناعة سياحة مطار ميناء طريق جسر مستشفى مدرسة جامعة طلاب أطباء مهندسين عمال "
            + "شركات بنك استثمار مصرف عملة تضخم نمو بطالة رواتب ضرائب مساعدات لاجئين حدود أمن شرطة جيش محكمة قاضي "
            + "انتخابات مرشح حزب ائتلاف معارضة حوار سلام هدنة أزمة تنمية إصلاح خطة برنامج تقرير دراسة إحصاء سكان "
            + "أمطار حرارة عاصفة فيضانات جفاف زلزال حريق إنقاذ متطوعين مهرجان معرض كتاب مسرح فيلم موسيقى رياضة "
            + "منتخب مباراة بطولة ملعب لاعب مدرب هدف فوز خسارة تعادل أعلن أكد أشار أوضح قال أضاف كشف نفى دعا طالب "
            + "حذر رحب انتقد وافق رفض بحث ناقش وقع افتتح زار استقبل التقى أطلق نظم شارك قدم خلال بعد قبل منذ حتى "
            + "نحو حوالي أكثر أقل جديد كبير صغير مهم عاجل رسمي محلي دولي إقليمي عربي أوروبي آسيوي أفريقي اليوم أمس "
            + "غدا الأسبوع الشهر العام صباح مساء").split(" ");

    private final int articlesPerOutlet;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> baseUrls = new ArrayList<>();
    private final ExecutorService executor;
    private final AtomicLong pagesServed = new AtomicLong();

    private GeneratedNewsSite(int outlets, int articlesPerOutlet) throws IOException {
        this.articlesPerOutlet = articlesPerOutlet;
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "generated-site-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int outlet = 0; outlet < outlets; outlet++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (FIRST_ADDRESS + outlet)});
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            String baseUrl = "http://" + address.getHostAddress() + ":" + server.getAddress().getPort();
            int number = outlet;
            server.createContext("/", exchange -> serve(exchange, number));
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            baseUrls.add(baseUrl);
        }
        log.info("Generated news site: {} outlets of {} articles from {}", outlets, articlesPerOutlet, baseUrls.get(0));
    }

    public static GeneratedNewsSite start(int outlets, int articlesPerOutlet) {
        if (outlets < 1 || outlets > MAX_OUTLETS || articlesPerOutlet < 1) {
            throw new IllegalArgumentException("1 to " + MAX_OUTLETS + " outlets of at least one article, not "
                    + outlets + " of " + articlesPerOutlet);
        }
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            return new GeneratedNewsSite(outlets, articlesPerOutlet);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the generated news site", e);
        }
    }

    /** A sources file: one source per outlet, its sitemap listing every article. */
    public String sourcesYaml() {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int outlet = 0; outlet < baseUrls.size(); outlet++) {
            yaml.append("  - id: gen").append(outlet).append('\n')
                    .append("    name: منفذ ").append(outlet).append('\n')
                    .append("    sitemaps: [\"").append(baseUrls.get(outlet)).append("/sitemap.xml\"]\n")
                    .append("    repoll: PT10S\n");
        }
        return yaml.toString();
    }

    public int articleCount() {
        return baseUrls.size() * articlesPerOutlet;
    }

    /** Every article's URL, in outlet and number order. */
    public List<String> articleUrls() {
        List<String> urls = new ArrayList<>();
        for (int outlet = 0; outlet < baseUrls.size(); outlet++) {
            for (int number = 0; number < articlesPerOutlet; number++) {
                urls.add(articleUrl(outlet, number));
            }
        }
        return urls;
    }

    /**
     * Each article's URL mapped to the URL of its story's first publication: itself, or for a republished copy the
     * first outlet's original.
     */
    public Map<String, String> storyOrigins() {
        Map<String, String> origins = new LinkedHashMap<>();
        for (int outlet = 0; outlet < baseUrls.size(); outlet++) {
            for (int number = 0; number < articlesPerOutlet; number++) {
                origins.put(articleUrl(outlet, number),
                        isRepublished(outlet, number) ? articleUrl(0, number) : articleUrl(outlet, number));
            }
        }
        return origins;
    }

    public long pagesServed() {
        return pagesServed.get();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    private String articleUrl(int outlet, int number) {
        return baseUrls.get(outlet) + "/2025/01/a-" + number + "/";
    }

    private static boolean isRepublished(int outlet, int number) {
        return outlet > 0 && number % REPUBLISHED_EVERY == REPUBLISHED_EVERY / 2;
    }

    private void serve(HttpExchange exchange, int outlet) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher article = ARTICLE_PATH.matcher(path);
            if (path.equals("/sitemap.xml")) {
                send(exchange, 200, "application/xml; charset=utf-8", sitemap(outlet));
            } else if (article.matches() && Integer.parseInt(article.group(1)) < articlesPerOutlet) {
                pagesServed.incrementAndGet();
                send(exchange, 200, "text/html; charset=utf-8", page(outlet, Integer.parseInt(article.group(1))));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "no such page\n");
            }
        }
    }

    private String sitemap(int outlet) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int number = 0; number < articlesPerOutlet; number++) {
            xml.append("<url><loc>").append(articleUrl(outlet, number)).append("</loc><lastmod>")
                    .append(published(outlet, number)).append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String page(int outlet, int number) {
        boolean republished = isRepublished(outlet, number);
        int storyOutlet = republished ? 0 : outlet;
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < PARAGRAPHS; i++) {
            paragraphs.add(words(seed(storyOutlet, number, i), WORDS_PER_PARAGRAPH) + ".");
        }
        if (republished) {
            paragraphs.set(0, words(seed(outlet, number, 0), DATELINE_WORDS) + " - " + paragraphs.get(0));
        }
        String title = words(seed(storyOutlet, number, -1), 8);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\"><head>"
                + "<meta charset=\"utf-8\"><title>").append(title).append("</title>"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"article:published_time\" content=\"").append(published(outlet, number))
                .append("\"></head><body><header><nav><a href=\"/\">الرئيسية</a></nav></header><article><h1>")
                .append(title).append("</h1>\n");
        paragraphs.forEach(paragraph -> html.append("<p>").append(paragraph).append("</p>\n"));
        return html.append("</article></body></html>\n").toString();
    }

    /** A copy appears some minutes after its original, well within the window in which stories are matched. */
    private Instant published(int outlet, int number) {
        return isRepublished(outlet, number)
                ? FIRST_PUBLISHED.plusSeconds(60L * number + 60L * outlet)
                : FIRST_PUBLISHED.plusSeconds(60L * (outlet * (long) articlesPerOutlet + number));
    }

    private static long seed(int outlet, int number, int paragraph) {
        return ((long) outlet << 40) ^ ((long) number << 8) ^ (paragraph + 1);
    }

    private static String words(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
