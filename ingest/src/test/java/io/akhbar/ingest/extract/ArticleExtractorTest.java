package io.akhbar.ingest.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleExtractorTest {
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static final String[] ARABIC_PARAGRAPHS = {
            "بحث الرئيسان التركي والروسي تطورات الأوضاع العسكرية في سوريا، لاسيما في محافظة إدلب شمال غرب البلاد، إلى جانب مناقشة عدة قضايا وملفات إقليمية ودولية.",
            "وخلال محادثة هاتفية أجراها الرئيسان يوم أمس، ناقشا سبل تطوير العمل العسكري المشترك بين القوات الروسية والتركية على الأراضي السورية.",
            "وبحسب بيان الرئاسة الروسية فإن الرئيسين بحثا مسألة زيادة التنسيق بين قوات البلدين لمنع التصعيد في محافظة إدلب في المرحلة المقبلة.",
            "ونوه البيان إلى أن الرئيسين اتفقا على مواصلة الاتصالات الثنائية الشخصية بينهما، والتنسيق المشترك بين الطرفين على أعلى المستويات."};

    private static String paragraphs(String... extra) {
        StringBuilder sb = new StringBuilder();
        for (String p : ARABIC_PARAGRAPHS) {
            sb.append("<p>").append(p).append("</p>\n");
        }
        for (String p : extra) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theTitleComesOnceFromTheHeadAndIsDroppedFromTheBody() {
        String title = "الرئيسان يبحثان الوضع في إدلب";
        String html = "<html><head><title>" + title + " - موقع الأخبار</title>"
                + "<meta property='og:site_name' content='موقع الأخبار'></head><body>"
                + "<div class='breadcrumb'><a href='/'>الرئيسية</a> / <span>" + title + "</span></div>"
                + "<article><h1>" + title + "</h1><div class='post-body'><p><strong>" + title + "</strong></p>"
                + paragraphs() + "</div></article></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, "https://news.example/a/1");
        assertThat(page.title()).isEqualTo(title);
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
        assertThat(page.removed()).contains(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Putin and Erdogan discuss Idlib - Example News      => Putin and Erdogan discuss Idlib
            Putin and Erdogan discuss Idlib | Example News      => Putin and Erdogan discuss Idlib
            Example News | Putin and Erdogan discuss Idlib      => Putin and Erdogan discuss Idlib
            Putin and Erdogan discuss Idlib – example.com       => Putin and Erdogan discuss Idlib
            Brexit: what happens next                           => Brexit: what happens next
            """)
    void theSiteNameIsCutFromTheTitle(String docTitle, String expected) {
        String html = "<html><head><title>" + docTitle + "</title><meta property='og:site_name' content='Example News'>"
                + "</head><body><p>" + String.join("</p><p>", ARABIC_PARAGRAPHS) + "</p></body></html>";
        assertThat(EXTRACTOR.extract(html, "https://example.com/x").title()).isEqualTo(expected);
    }

    @Test
    void keepsSubheadingsAndBreaksParagraphsAtBrPairs() {
        String html = "<html><head><title>عنوان</title></head><body><div id='wrap'><div class='txt'>"
                + ARABIC_PARAGRAPHS[0] + "<br><br>" + ARABIC_PARAGRAPHS[1] + "<br><br><h2>مباحثات لوزيري الدفاع</h2>"
                + ARABIC_PARAGRAPHS[2] + "<br/><br/>" + ARABIC_PARAGRAPHS[3] + "</div></div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS[0], ARABIC_PARAGRAPHS[1], "مباحثات لوزيري الدفاع",
                ARABIC_PARAGRAPHS[2], ARABIC_PARAGRAPHS[3]);
        assertThat(page.text()).isEqualTo(String.join("\n\n", page.paragraphs())).doesNotContain("<");
    }

    @Test
    void repairsObfuscationAndTatweelInTitleAndBody() {
        String html = "<html><head><title>منـ.ـع التصـ.ـعيد في إدلـــب</title></head><body><article>"
                + paragraphs("<p>ولفت البيان إلى أهمية العمل الهـ.ـادف إلى منـ.ـع تصـ.ـعيد التوتـ.ـر ومكـ.ـافحة التشكيلات الإرهـ.ـابية المتبقية.</p>")
                + "</article></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.title()).isEqualTo("منع التصعيد في إدلب");
        assertThat(page.paragraphs()).last()
                .isEqualTo("ولفت البيان إلى أهمية العمل الهادف إلى منع تصعيد التوتر ومكافحة التشكيلات الإرهابية المتبقية.");
    }

    @Test
    void inBodyLinkLinesAndBylinesAreNotArticleText() {
        String html = "<html><head><title>عنوان الخبر</title><meta name='author' content='أحمد'></head><body><article>"
                + "<p>دمشق – مراسل الموقع</p>" + paragraphs(
                "<p>إقرأ أيضا: <a href='/x'>ضغط دولي على روسيا بشأن الوضع في إدلب</a></p>",
                "<p>شاهد أيضاً: فيديو يوثق الأوضاع في المنطقة</p>",
                "<p>" + ARABIC_PARAGRAPHS[0].replace("بحث", "وأضاف") + "</p>")
                + "</article></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.byline()).isEqualTo("أحمد");
        assertThat(page.paragraphs()).hasSize(5).noneMatch(p -> p.contains("أيضا") || p.contains("مراسل"));
    }

    @Test
    void aSectionPageIsNotAnArticle() {
        StringBuilder teasers = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            teasers.append("<div class='item'><h3><a href='/news/").append(i).append("'>عنوان خبر رقم ").append(i)
                    .append(" عن تطورات الأوضاع في الشمال السوري</a></h3><p>")
                    .append(ARABIC_PARAGRAPHS[i % 4], 0, 110).append("...</p></div>");
        }
        String html = "<html><head><title>أخبار سوريا - موقع</title></head><body><div class='list'>" + teasers
                + "</div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, "https://news.example/syria/");
        assertThat(page.isArticle()).isFalse();
        assertThat(page.paragraphs()).isEmpty();
    }

    @Test
    void anArticleWithARelatedListIsStillAnArticle() {
        StringBuilder related = new StringBuilder("<ul class='links'>");
        for (int i = 0; i < 6; i++) {
            related.append("<li><a href='/news/").append(i).append("'>عنوان خبر ذي صلة رقم ").append(i)
                    .append(" عن تطورات إدلب</a></li>");
        }
        String html = "<html><head><title>عنوان</title></head><body><div class='content'>" + paragraphs()
                + related + "</ul></div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.isArticle()).isTrue();
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @Test
    void anEnglishPage() {
        String body = "<p>The Kremlin said on Tuesday that the two presidents had agreed to keep in close contact, and that"
                + " their defence ministers would meet again in the coming weeks.</p>"
                + "<p>Turkey, which backs some rebel groups, has thousands of troops in the region, while Russia supports"
                + " the government in Damascus with air power and military advisers.</p>"
                + "<p>Read more: <a href='/x'>What is at stake in Idlib</a></p>"
                + "<p>Analysts said the call showed that both sides wanted to avoid a new escalation before the winter.</p>";
        String html = "<html lang='en'><head><title>Putin and Erdogan discuss Idlib | Example Times</title>"
                + "<meta property='article:published_time' content='2021-06-30T16:45:00+03:00'>"
                + "<link rel='canonical' href='/world/putin-erdogan'></head><body><nav><a href='/'>Home</a></nav>"
                + "<article><h1>Putin and Erdogan discuss Idlib</h1><div class='byline'>By Jane Doe</div>" + body
                + "</article><footer>All rights reserved</footer></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html.getBytes(StandardCharsets.UTF_8), "text/html", "https://times.example/a?utm=1");
        assertThat(page.title()).isEqualTo("Putin and Erdogan discuss Idlib");
        assertThat(page.byline()).isEqualTo("Jane Doe");
        assertThat(page.lang()).isEqualTo("en");
        assertThat(page.published()).hasToString("2021-06-30T13:45:00Z");
        assertThat(page.canonicalUrl()).isEqualTo("https://times.example/world/putin-erdogan");
        assertThat(page.paragraphs()).hasSize(3).noneMatch(p -> p.startsWith("Read more"));
        assertThat(page.method()).isEqualTo("dom");
    }

    @Test
    void languageFollowsTheTextNotATemplateDefault() {
        String html = "<html lang='en'><head><title>عنوان</title></head><body><article>" + paragraphs()
                + "</article></body></html>";
        assertThat(EXTRACTOR.extract(html, null).lang()).isEqualTo("ar");
    }

    @Test
    void binaryInputIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> EXTRACTOR.extract(png, "image/png", null)).isInstanceOf(ExtractionException.class);

        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = '<';
        assertThatThrownBy(() -> EXTRACTOR.extract(noise, null, null)).isInstanceOf(ExtractionException.class);

        assertThatThrownBy(() -> EXTRACTOR.extract("%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1), null, null))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("not HTML");
    }

    @Test
    void pagesWithoutAnArticleGiveAnEmptyResultNotAnError() {
        for (String html : new String[] {"", "plain text, no markup", "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"}) {
            ExtractedPage page = EXTRACTOR.extract(html, null);
            assertThat(page.isArticle()).isFalse();
            assertThat(page.paragraphs()).isEmpty();
        }
        assertThat(EXTRACTOR.extract(new byte[0], null, null).isArticle()).isFalse();
    }

    @Test
    void jsonLdGivesHeadlineAuthorAndDate() {
        String html = "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"NewsArticle\",\"headline\":\"أردوغان يؤكد لبوتين ضرورة الحفاظ على الزخم\","
                + "\"datePublished\":\"2020-10-15T09:30:00+03:00\",\"author\":{\"@id\":\"#p1\"}},"
                + "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"عنب بلدي\"}]}</script></head><body><article>"
                + paragraphs() + "</article></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.title()).isEqualTo("أردوغان يؤكد لبوتين ضرورة الحفاظ على الزخم");
        assertThat(page.byline()).isEqualTo("عنب بلدي");
        assertThat(page.published()).hasToString("2020-10-15T06:30:00Z");
        assertThat(page.method()).isEqualTo("json-ld+dom");
    }

    @Test
    void aScriptRenderedPageFallsBackToTheJsonLdBody() {
        String articleBody = String.join("\\n\\n", ARABIC_PARAGRAPHS);
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"عنوان\","
                + "\"articleBody\":\"" + articleBody + "\"}</script></head><body><div id='app'></div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.method()).isEqualTo("json-ld");
        assertThat(page.isArticle()).isTrue();
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @Test
    void aPageWrappedInOneFormIsStillRead() {
        String html = "<html><head><title>عنوان الخبر</title></head><body><form id='aspnetForm' action='default.aspx'>"
                + "<div class='menu'><a href='/'>الرئيسية</a></div><div class='news-body'>" + paragraphs()
                + "</div><div class='comments'><p>تعليق أحد القراء على الخبر، وهو تعليق طويل بما يكفي ليبدو نصاً.</p></div>"
                + "</form></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            <div>بقلم: سامي بن علي</div><div>الاثنين 14 مارس 2022</div>                     => سامي بن علي
            <div class='news-info'><span class='news-author'>إعداد: ليلى مراد</span> 3870</div> => ليلى مراد
            <span class='field--name-field-writer'>مراد علي</span>                              => مراد علي
            <div class='comment-author'>زائر</div>                                               =>
            <div>By the numbers</div>                                                           =>
            <div>By Jane Doe</div>                                                              => Jane Doe
            """)
    void aBylineUnderTheHeadlineIsFoundByItsWordsOrAnAuthorClass(String header, String expected) {
        String html = "<html><head><title>عنوان الخبر</title></head><body><h1>عنوان الخبر</h1>" + header
                + "<div class='news-body'>" + paragraphs() + "</div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.byline()).isEqualTo(expected);
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @Test
    void aBylineLineAtTheTopOfTheBodyGivesTheNameAlone() {
        String html = "<html><head><title>عنوان الخبر</title></head><body><div class='news-body'>"
                + "<p>كتب - محمود عبد الله</p>" + paragraphs() + "</div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.byline()).isEqualTo("محمود عبد الله");
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @Test
    void severalArabicAuthorsAreJoinedByTheArabicComma() {
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"عنوان\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"أحمد علي\"},{\"@type\":\"Person\",\"name\":\"منى حسن\"}]}"
                + "</script></head><body><article>" + paragraphs() + "</article></body></html>";
        assertThat(EXTRACTOR.extract(html, null).byline()).isEqualTo("أحمد علي، منى حسن");
    }

    /** Captions in boxes that say nothing of themselves: neither figure nor figcaption, nor a telling class. */
    @Test
    void captionsBesideAPictureOrAPlayerAreNotArticleText() {
        String html = "<html><head><title>عنوان الخبر</title></head><body><div class='c1'>"
                + "<p>" + ARABIC_PARAGRAPHS[0] + "</p>"
                + "<div class='c2'><div class='c3'><img src='/a.jpg'></div><div class='c4'>جانب من الاجتماع في مسقط"
                + " <span>(المصدر: غيتي)</span></div></div>"
                + "<p>" + ARABIC_PARAGRAPHS[1] + "</p>"
                + "<div class='c5'><div class='c6'><iframe src='https://www.youtube.com/embed/x'></iframe></div>"
                + "<span>فيديو: لحظة الإعلان</span></div>"
                + "<p>" + ARABIC_PARAGRAPHS[2] + "</p>"
                + "<div class='c7'><img src='/b.jpg'><p>وقال المتحدث إن الاجتماع كان مثمراً.</p></div>"
                + "<div class='c8'><amp-img src='/c.jpg'></amp-img><div>سيارات تعبر الكثبان الرملية</div></div>"
                + "<p>" + ARABIC_PARAGRAPHS[3] + "</p></div></body></html>";
        ExtractedPage page = EXTRACTOR.extract(html, null);
        assertThat(page.paragraphs()).containsExactly(ARABIC_PARAGRAPHS[0], ARABIC_PARAGRAPHS[1],
                ARABIC_PARAGRAPHS[2], "وقال المتحدث إن الاجتماع كان مثمراً.", ARABIC_PARAGRAPHS[3]);
    }

    @Test
    void withoutACanonicalLinkThePageAddressLosesItsTrackingParameters() {
        String html = "<html><head><title>عنوان الخبر</title></head><body><article>" + paragraphs()
                + "</article></body></html>";
        assertThat(EXTRACTOR.extract(html, "https://news.example/a/1?id=7&utm_source=facebook&fbclid=x").canonicalUrl())
                .isEqualTo("https://news.example/a/1?id=7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            ع ص / م ح                   => true
            ر ع / ف ص / 1430 ت م        => true
            و أ                           => true
            وأكد الوزير أن المشروع سيكتمل => false
            """)
    void aNewsAgencysClosingInitialsAreNotArticleText(String lastLine, boolean signOff) {
        String html = "<html><head><title>عنوان الخبر</title></head><body><div class='news-body'>" + paragraphs(
                "<p>" + lastLine + "</p>") + "</div></body></html>";
        assertThat(EXTRACTOR.extract(html, null).paragraphs()).hasSize(signOff ? 4 : 5);
    }

    @Test
    void aCardPointingAtAnotherArticleIsNotArticleTextEvenWithoutClassNames() {
        String card = "<div><a href='/other'><img src='/t.jpg'></a><div><span>اقرأ أيضا</span>"
                + "<h4><a href='/other'>ارتفاع الإقبال على عيادات الأطفال مع بداية الخريف</a></h4>"
                + "<p>سجلت المراكز الصحية زيادة ملحوظة في عدد مراجعات الأطفال خلال الأسبوعين الماضيين.</p></div></div>";
        String html = "<html><head><title>عنوان الخبر</title></head><body><div>"
                + "<p>" + ARABIC_PARAGRAPHS[0] + "</p><p>" + ARABIC_PARAGRAPHS[1] + "</p>" + card
                + "<p>" + ARABIC_PARAGRAPHS[2] + "</p><p>" + ARABIC_PARAGRAPHS[3] + "</p></div></body></html>";
        assertThat(EXTRACTOR.extract(html, null).paragraphs()).containsExactly(ARABIC_PARAGRAPHS);
    }

    @Test
    void theNameInsideAColumnistBoxIsTheByline() {
        String html = "<html><head><title>عنوان المقال</title></head><body><div class='op-author'><img src='/w.jpg'>"
                + "<div><a rel='author' href='/writers/1'>مريم الكعبي</a></div><div>كاتبة مهتمة بقضايا البيئة</div>"
                + "<a href='/writers/1'>جميع مقالات الكاتب</a></div><article>" + paragraphs() + "</article></body></html>";
        assertThat(EXTRACTOR.extract(html, null).byline()).isEqualTo("مريم الكعبي");
    }
}
