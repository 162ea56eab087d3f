package io.akhbar.localstack.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The documents of {@link HostileSite}: honest articles with traps in their markup, and malicious XML. */
final class HostilePages {
    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    static final String BOOK_FAIR_TITLE = "افتتاح معرض الكتاب في المدينة القديمة بمشاركة مئة دار نشر";
    static final List<String> BOOK_FAIR = List.of(
            "افتتح صباح اليوم معرض الكتاب السنوي في المدينة القديمة بمشاركة أكثر من مئة دار نشر عربية وأجنبية، "
                    + "وسط إقبال واسع من الزوار والطلاب.",
            "وقال مدير المعرض إن الدورة الحالية تضم جناحاً خاصاً لكتب الأطفال وآخر للمخطوطات النادرة، إضافة إلى "
                    + "ندوات يومية يشارك فيها كتاب ومترجمون.",
            "وأضاف أن المنظمين خصصوا أسعاراً مخفضة للطلاب، وأن المعرض سيستمر عشرة أيام ويفتح أبوابه من العاشرة "
                    + "صباحاً حتى العاشرة مساءً.",
            "وأشار عدد من الناشرين إلى أن حركة البيع في اليوم الأول فاقت توقعاتهم، معربين عن أملهم في أن يتحول "
                    + "المعرض إلى موعد ثابت للقراء في المنطقة.");

    static final String RAIN_TITLE = "هطول أمطار غزيرة على المناطق الساحلية وتحذيرات من السيول";
    static final List<String> RAIN = List.of(
            "شهدت المناطق الساحلية منذ مساء أمس هطول أمطار غزيرة رافقتها رياح قوية، ما أدى إلى انقطاع التيار "
                    + "الكهربائي عن عدد من الأحياء.",
            "وحذرت هيئة الأرصاد الجوية من تشكل السيول في الأودية والمناطق المنخفضة، داعية السكان إلى تجنب التنقل "
                    + "غير الضروري خلال الساعات المقبلة.",
            "وأعلنت فرق الدفاع المدني أنها تعاملت مع عشرات البلاغات دون تسجيل إصابات، فيما عملت ورش البلدية على "
                    + "فتح مجاري تصريف المياه.",
            "ومن المتوقع أن تتراجع حدة الأمطار تدريجياً اعتباراً من يوم غد، مع بقاء الطقس بارداً نسبياً حتى نهاية "
                    + "الأسبوع.");

    private HostilePages() {
    }

    /**
     * An article whose markup carries what must never reach the index: scripts inside the body, event handler
     * attributes, a style sheet, an iframe, and entities that must come out as the characters they stand for.
     */
    static String markupTrapsArticle() {
        StringBuilder body = new StringBuilder();
        body.append("<script>document.write('<p>حقن نص عبر السكربت</p>')</script>\n");
        body.append("<p onclick=\"alert('click')\">").append(BOOK_FAIR.get(0).replace("،", "&#1548;"))
                .append("<img src=\"x.png\" onerror=\"alert('xss')\"></p>\n");
        body.append("<style>p { color: red } .x::after { content: 'نص من الأنماط' }</style>\n");
        body.append("<p>").append(BOOK_FAIR.get(1).replaceFirst(" ", "&nbsp;")).append("</p>\n");
        body.append("<noscript><p>فعّل جافاسكربت لمشاهدة هذا المحتوى</p></noscript>\n");
        body.append("<iframe src=\"javascript:alert(1)\"></iframe>\n");
        body.append("<p>").append(BOOK_FAIR.get(2)).append("</p>\n");
        body.append("<p>").append(BOOK_FAIR.get(3)).append("</p>\n");
        body.append("<p>برنامج الندوات: <a href=\"javascript:alert(2)\">لقاء &quot;الناشرين&quot; &amp; القراء</a>")
                .append(" في القاعة الكبرى كل مساء طوال أيام المعرض.</p>\n");
        body.append("<svg><script>alert(3)</script></svg>\n");
        return article(BOOK_FAIR_TITLE, body.toString(), "utf-8",
                "<script src=\"/tracker.js\"></script><style>body { background: url(javascript:alert(4)) }</style>");
    }

    /** The rain article, in a page that declares the given charset in a meta tag, or none when it is null. */
    static String rainArticle(String metaCharset) {
        StringBuilder body = new StringBuilder();
        RAIN.forEach(paragraph -> body.append("<p>").append(paragraph).append("</p>\n"));
        return article(RAIN_TITLE, body.toString(), metaCharset, "");
    }

    /** A UTF-8 page whose sidebar was pasted in from a windows-1256 template: mixed encodings in one body. */
    static byte[] mixedCharsetArticle() {
        String page = rainArticle("utf-8");
        int sidebar = page.indexOf("</article>") + "</article>".length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(page.substring(0, sidebar).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("<aside><p>".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("إعلان: اشترك في النشرة البريدية".getBytes(WINDOWS_1256));
        bytes.writeBytes("</p></aside>".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(page.substring(sidebar).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** An article page with ten thousand links in its footer, none of them to an article. */
    static String tenThousandLinks() {
        StringBuilder links = new StringBuilder("<footer><ul>");
        for (int i = 0; i < 10_000; i++) {
            links.append("<li><a href=\"/tag/").append(i).append("/\">وسم ").append(i).append("</a></li>");
        }
        links.append("</ul></footer>");
        StringBuilder body = new StringBuilder();
        RAIN.forEach(paragraph -> body.append("<p>").append(paragraph).append("</p>\n"));
        return article(RAIN_TITLE, body.toString(), "utf-8", "").replace("</body>", links + "</body>");
    }

    /** Markup nested deeper than any real page: a parser or extractor that recurses per level overflows its stack. */
    static String deeplyNested(int depth) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>")
                .append(RAIN_TITLE).append("</title></head><body>");
        html.append("<div>".repeat(depth)).append("<p>").append(RAIN.get(0)).append("</p>")
                .append("</div>".repeat(depth)).append("</body></html>");
        return html.toString();
    }

    /** Random-looking bytes: what a misconfigured server sends as text/html when the file is an image or archive. */
    static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        long state = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            bytes[i] = (byte) state;
        }
        return bytes;
    }

    /**
     * Gzip of a page (or sitemap) padded with spaces to the given size: a few hundred KiB that inflate enormously.
     * Built from one compressed MiB repeated, as gzip allows members to follow each other, so it costs nothing to make.
     */
    static byte[] gzipBomb(long inflatedBytes, boolean asSitemap) {
        String head = asSitemap
                ? "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                : "<!DOCTYPE html><html><body><p>";
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        byte[] member = gzip(spaces);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(gzip(head.getBytes(StandardCharsets.UTF_8)));
        for (long inflated = 0; inflated < inflatedBytes; inflated += spaces.length) {
            bomb.writeBytes(member);
        }
        return bomb.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return compressed.toByteArray();
    }

    /** An RSS feed of the given links. */
    static String rss(String baseUrl, List<String> links) {
        StringBuilder items = new StringBuilder();
        for (String link : links) {
            items.append("<item><title>خبر</title><link>").append(xmlEscaped(link)).append("</link>")
                    .append("<pubDate>Mon, 06 Jan 2025 10:00:00 +0000</pubDate></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>موقع معادٍ</title>"
                + "<link>" + baseUrl + "/</link>" + items + "</channel></rss>";
    }

    /**
     * A feed or sitemap whose document type declares external entities: a local file, a URL on the site that must
     * never be requested, and a parameter entity that would load a remote DTD. A parser that resolves them leaks
     * files into the index and can be turned against the network.
     */
    static String externalEntities(String baseUrl, String tripwireUrl, boolean asSitemap) {
        String doctype = "<!DOCTYPE " + (asSitemap ? "urlset" : "rss") + " [\n"
                + "  <!ENTITY file SYSTEM \"file:///etc/passwd\">\n"
                + "  <!ENTITY remote SYSTEM \"" + tripwireUrl + "\">\n"
                + "  <!ENTITY % dtd SYSTEM \"" + tripwireUrl + "?dtd\">\n"
                + "  %dtd;\n"
                + "]>\n";
        return xmlWithEntities(baseUrl, doctype, "&file;&remote;", asSitemap);
    }

    /** The "billion laughs": ten levels of entities each ten times the one below, 10^9 "lol"s from 1 KiB. */
    static String billionLaughs(String baseUrl, boolean asSitemap) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE " + (asSitemap ? "urlset" : "rss") + " [\n")
                .append("  <!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            doctype.append("  <!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
        }
        doctype.append("]>\n");
        return xmlWithEntities(baseUrl, doctype.toString(), "&lol9;", asSitemap);
    }

    private static String xmlWithEntities(String baseUrl, String doctype, String entities, boolean asSitemap) {
        String body = asSitemap
                ? "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + baseUrl
                        + "/entity/" + entities + "</loc></url></urlset>"
                : "<rss version=\"2.0\"><channel><title>" + entities + "</title><link>" + baseUrl + "/</link>"
                        + "<item><title>" + entities + "</title><link>" + baseUrl + "/entity/" + entities
                        + "</link></item></channel></rss>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + body;
    }

    private static String article(String title, String bodyHtml, String metaCharset, String headExtra) {
        return "<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">\n<head>\n"
                + (metaCharset == null ? "" : "<meta charset=\"" + metaCharset + "\">\n")
                + "<title>" + title + " - موقع التجارب</title>\n"
                + "<meta property=\"og:type\" content=\"article\">\n"
                + "<meta property=\"og:title\" content=\"" + title + "\">\n"
                + "<meta property=\"article:published_time\" content=\"2025-01-06T10:00:00+00:00\">\n"
                + headExtra + "\n</head>\n<body>\n"
                + "<header><nav><a href=\"/\">الرئيسية</a> <a href=\"/about/\">من نحن</a></nav></header>\n"
                + "<article>\n<h1>" + title + "</h1>\n<time datetime=\"2025-01-06T10:00:00+00:00\">6 يناير 2025</time>\n"
                + bodyHtml + "</article>\n</body>\n</html>\n";
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
