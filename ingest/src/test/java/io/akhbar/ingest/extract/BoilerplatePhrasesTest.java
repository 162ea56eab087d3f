package io.akhbar.ingest.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoilerplatePhrasesTest {
    private static final BoilerplatePhrases PHRASES = BoilerplatePhrases.load();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "اقرأ أيضاً: باحث روسي يتحدث عن رسالة جديدة بعثها بوتين",
            "إقرأ أيضاً: ضغط دولي على روسيا بشأن الوضع في إدلب",
            "اقرأ أيضا: قواعد اللعبة في سوريا تغيرت",
            "اقرأ ايضا: قواعد اللعبة في سوريا تغيرت",
            "إقرأ ايضا - قواعد اللعبة في سوريا تغيرت",
            "اقرأ أيضًا: بعد التقارب التركي السوري.. ما السيناريو الذي ينتظر الكرد؟",
            "اقـرأ أيضـاً: بعد التقارب التركي السوري",
            "اقْرَأْ أَيْضًا: بعد التقارب التركي السوري",
            "اقرأ أيضاً",
            "اقرأ أيضاً:",
            "« اقرأ أيضاً » ما السيناريو الذي ينتظر الكرد",
            "اقرأ كذلك: تقرير عن الوضع في حلب",
            "اقرأ المزيد",
            "إقرأ المزيد »",
            "شاهد أيضاً: فيديو يوثق القصف على إدلب",
            "شاهد ايضا: فيديو يوثق القصف على إدلب",
            "طالع أيضاً: تفاصيل الاتفاق الروسي التركي",
            "للمزيد: تابعوا تغطيتنا الخاصة",
            "للمزيد من الأخبار تابعونا على قناتنا في تلغرام",
            "أخر الأخبار",
            "آخر الأخبار",
            "عاجل",
            "مقالات ذات صلة",
            "أخبار ذات صلة",
            "اخترنا لك",
            "الأكثر قراءة",
            "شارك",
            "مشاركة",
            "الوسوم",
            "الوسوم: أردوغان بوتين إدلب",
            "اترك تعليقاً",
            "اترك تعليقا",
            "لن يتم نشر عنوان بريدك الإلكتروني.",
            "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
            "الحقول الإلزامية مشار إليها بـ *",
            "زر الذهاب إلى الأعلى",
            "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا.",
            "جميع الحقوق محفوظة © 2024 طيف بوست",
            "Read more",
            "Read more: Why the talks failed",
            "READ MORE »",
            "Related: Putin and Erdogan discuss Idlib",
            "Also read: Putin and Erdogan discuss Idlib",
            "Advertisement",
            "الآراء الواردة في هذا المقال تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الموقع.",
            "المقال يعبر عن رأي كاتبه، ولا يعبر بالضرورة عن رأي «المرصد»",
            "/ انتهى /",
            "(انتهى)",
            "The views expressed in this article are the author's own.",
            "Your email address will not be published. Required fields are marked *",
            "Share this article"})
    void recognisesBoilerplateInEverySpelling(String line) {
        assertThat(PHRASES.match(line)).as(line).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "وقال الرئيس التركي إن بلاده لن تسمح بتحويل المناطق المحررة إلى بيئة صراع",
            "اقرأوا البيان كاملاً في الموقع الرسمي للرئاسة",
            "المصدر: (وكالات)",
            "عاجل جداً أن تتحرك الأمم المتحدة لوقف التصعيد في إدلب",
            "شارك في الاجتماع وزراء دفاع روسيا وتركيا وسوريا",
            "Related to this, the Kremlin said the talks would continue.",
            "Read the full statement on the presidency's website.",
            "The share of exports rose by a third.",
            "وقال إن تصريحات الوزير لا تعبر بالضرورة عن رأي الحكومة",
            "انتهى الاجتماع دون اتفاق على موعد الجولة المقبلة"})
    void leavesArticleSentencesAlone(String line) {
        assertThat(PHRASES.match(line)).as(line).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "طيف بوست – فريق التحرير", "بقلم: أحمد الأحمد", "كتب - محمد علي", "إعداد: قسم الأخبار",
            "دمشق – مراسل عنب بلدي", "By Justine Coleman", "Staff Writer"})
    void recognisesBylineLines(String line) {
        assertThat(PHRASES.isBylineLine(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "كتب الرئيس التركي رسالة مطولة إلى نظيره الروسي يدعوه فيها إلى احترام الاتفاقات الموقعة بين البلدين",
            "بحث الرئيسان التركي والروسي تطورات الأوضاع",
            "Byzantine politics in Ankara"})
    void leavesOpeningSentencesAlone(String line) {
        assertThat(PHRASES.isBylineLine(line)).isFalse();
    }

    @Test
    void rulesAreDataWithKinds() {
        BoilerplatePhrases custom = BoilerplatePhrases.parse(List.of(
                "# comment", "", "label  حصري", "prefix  تابعنا على", "contains  برعاية", "byline-prefix  مراسلنا"));
        assertThat(custom.match("حصري")).contains("label: حصري");
        assertThat(custom.match("حصري للموقع")).isEmpty();
        assertThat(custom.match("تابعنا على فيسبوك")).contains("prefix: تابعنا علي");
        assertThat(custom.match("هذا المحتوى برعاية شركة ما")).contains("contains: برعايه");
        assertThat(custom.isBylineLine("مراسلنا في حلب")).isTrue();
    }

    @Test
    void refusesMalformedRules() {
        assertThatThrownBy(() -> BoilerplatePhrases.parse(List.of("sometimes  شارك")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> BoilerplatePhrases.parse(List.of("label")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no phrase");
    }
}
