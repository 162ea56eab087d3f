package io.akhbar.enrich.tag;

import io.akhbar.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityRecognitionTest {
    private static final Tagger TAGGER = Tagger.withBundledData();

    private static List<String> entitiesIn(String text) {
        return TAGGER.tag("", List.of(text), "ar").entities().stream()
                .map(entity -> entity.getName() + " " + entity.getMentions())
                .toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            أردوغان                          | رجب طيب أردوغان
            إردوغان                          | رجب طيب أردوغان
            اردوغان                          | رجب طيب أردوغان
            أردغان                           | رجب طيب أردوغان
            أَرْدُوغَان                       | رجب طيب أردوغان
            أردوغـ.ـان                       | رجب طيب أردوغان
            وأردوغان                         | رجب طيب أردوغان
            لأردوغان                         | رجب طيب أردوغان
            فأردوغان                         | رجب طيب أردوغان
            بأردوغان                         | رجب طيب أردوغان
            رجب طيب أردوغان                  | رجب طيب أردوغان
            الرئيس التركي رجب طيب إردوغان    | رجب طيب أردوغان
            Erdoğan                          | رجب طيب أردوغان
            Recep Tayyip Erdogan             | رجب طيب أردوغان
            بوتين                            | فلاديمير بوتين
            بوتن                             | فلاديمير بوتين
            لبوتين                           | فلاديمير بوتين
            وبوتين                           | فلاديمير بوتين
            فلاديمير بوتين                   | فلاديمير بوتين
            Putin                            | فلاديمير بوتين
            شويغو                            | سيرغي شويغو
            شويجو                            | سيرغي شويغو
            سيرجي شويجو                      | سيرغي شويغو
            خلوصي أكار                       | خلوصي أكار
            آكار                             | خلوصي أكار
            تشاووش أوغلو                     | مولود تشاووش أوغلو
            جاويش أوغلو                      | مولود تشاووش أوغلو
            زاخاروفا                         | ماريا زاخاروفا
            غير بيدرسون                      | غير بيدرسون
            بيدرسن                           | غير بيدرسون
            بشار الأسد                       | بشار الأسد
            نظام الأسد                       | بشار الأسد
            لنظام الأسد                      | بشار الأسد
            الكرملين                         | الكرملين
            الكرملن                          | الكرملين
            والكرملين                        | الكرملين
            للكرملين                         | الكرملين
            فالكرملين                        | الكرملين
            الرئاسة الروسية                  | الكرملين
            Kremlin                          | الكرملين
            إدلب                             | إدلب
            ادلب                             | إدلب
            في إدلب                          | إدلب
            بإدلب                            | إدلب
            وإدلب                            | إدلب
            لإدلب                            | إدلب
            وبإدلب                           | إدلب
            Idlib                            | إدلب
            قره باغ                          | قره باغ
            قرة باغ                          | قره باغ
            إقليم قره باغ                    | قره باغ
            ناغورني قره باغ                  | قره باغ
            كاراباخ                          | قره باغ
            نور سلطان                        | أستانا
            أستانا                           | أستانا
            آستانة                           | أستانا
            بأستانا                          | أستانا
            Nur-Sultan                       | أستانا
            سوتشي                            | سوتشي
            بسوتشي                           | سوتشي
            وحدات حماية الشعب الكردية        | وحدات حماية الشعب
            وحدات حماية الشعب                | وحدات حماية الشعب
            لوحدات حماية الشعب               | وحدات حماية الشعب
            YPG                              | وحدات حماية الشعب
            قسد                              | قوات سوريا الديمقراطية
            قوات سوريا الديمقراطية           | قوات سوريا الديمقراطية
            حزب العمال الكردستاني            | حزب العمال الكردستاني
            العمال الكردستاني                | حزب العمال الكردستاني
            PKK                              | حزب العمال الكردستاني
            هيئة تحرير الشام                 | هيئة تحرير الشام
            تحرير الشام                      | هيئة تحرير الشام
            الجيش الوطني السوري              | الجيش الوطني السوري
            الجيش السوري الحر                | الجيش السوري الحر
            الجيش السوري                     | الجيش السوري
            اللجنة الدستورية السورية         | اللجنة الدستورية
            للجنة الدستورية                  | اللجنة الدستورية
            وللجنة الدستورية                 | اللجنة الدستورية
            الأمم المتحدة                    | الأمم المتحدة
            للأمم المتحدة                    | الأمم المتحدة
            والأمم المتحدة                   | الأمم المتحدة
            بالأمم المتحدة                   | الأمم المتحدة
            مجلس الأمن                       | مجلس الأمن الدولي
            مجلس الأمن الدولي                | مجلس الأمن الدولي
            الناتو                           | حلف شمال الأطلسي
            كالناتو                          | حلف شمال الأطلسي
            حلف شمال الأطلسي                 | حلف شمال الأطلسي
            الاتحاد الأوروبي                 | الاتحاد الأوروبي
            الاتحاد الأوروبي لكرة القدم      | الاتحاد الأوروبي لكرة القدم
            وزارة الدفاع التركية             | وزارة الدفاع التركية
            الدفاع الروسية                   | وزارة الدفاع الروسية
            وزارة الخارجية الروسية           | وزارة الخارجية الروسية
            دائرة الاتصال بالرئاسة التركية   | الرئاسة التركية
            القوات التركية                   | الجيش التركي
            منبج                             | منبج
            بمنبج                            | منبج
            تل رفعت                          | تل رفعت
            وتل رفعت                         | تل رفعت
            عفرين                            | عفرين
            الرقة                            | الرقة
            بالرقة                           | الرقة
            للرقة                            | الرقة
            دير الزور                        | دير الزور
            القامشلي                         | القامشلي
            كوباني                           | عين العرب
            حماة                             | حماة
            بحماة                            | حماة
            ريف دمشق                         | ريف دمشق
            بدمشق                            | دمشق
            في سورية                         | سوريا
            لسوريا                           | سوريا
            أنقرة                            | أنقرة
            كييف                             | كييف
            محطة أكويو                       | أكويو
            البحر الأسود                     | البحر الأسود
            """)
    void recognisesEverySpellingAndProclitic(String text, String canonicalName) {
        assertThat(entitiesIn("قال " + text + " أمس")).containsExactly(canonicalName + " 1");
    }

    @ParameterizedTest(name = "no entity in: {0}")
    @ValueSource(strings = {
            "زأر الأسد في حديقة الحيوان",
            "فتح الباب أمام الحوار",
            "نقلت مصادر سورية أن الأزمة السورية مستمرة",
            "كيف حالك يا صديقي",
            "غير أن الاجتماع لم يعقد",
            "اجتمع مجلس الأمن القومي التركي",
            "الحرب تدمر المدن",
            "سنبقى دوماً معكم",
            "استقبل الجمهور الفريق بحماس كبير",
            "شكر المعلم تلاميذ المدرسة",
            "الدور الرئيسي للحكومة روحاني الطابع",
            "ناقش العلماء أحكام الشرع",
            "على المدى القصير",
            "نشيد حماة الديار",
            "قوة الشعب الكردي",
            "قالت لجنة التحقيق ولكن بعد يوم",
    })
    void findsNothingInCommonWordsThatLookLikeNames(String text) {
        assertThat(entitiesIn(text)).isEmpty();
    }

    /** الأسد is also the lion: it names Bashar al-Assad only where the article has named him plainly. */
    @Test
    void ambiguousSpellingCountsOnlyOnceTheEntityIsNamedPlainly() {
        assertThat(entitiesIn("قدم عرض للأسد ونظامه")).isEmpty();
        assertThat(entitiesIn("دعم الإيرانيون نظام الأسد. وقدم عرض للأسد ونظامه. وقال الأسد"))
                .containsExactly("بشار الأسد 3");
    }

    @Test
    void ambiguousPlaceNamesCountOnceAnchoredByAnUnambiguousSpelling() {
        assertThat(entitiesIn("سيطرت القوات على مدينة الباب ثم دخلت الباب من الشرق"))
                .containsExactly("الباب 2");
        assertThat(entitiesIn("قصف مدينة تدمر. وتدمر الأثرية مدرجة على قائمة التراث"))
                .containsExactly("تدمر 2");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            أعلن مظلوم كوباني قائد قسد                   | قوات سوريا الديمقراطية 1, مظلوم عبدي 1
            قال نور سلطان نزارباييف في نور سلطان          | أستانا 1, نور سلطان نزارباييف 1
            انعقد مجلس الأمن الدولي بطلب من الأمم المتحدة | الأمم المتحدة 1, مجلس الأمن الدولي 1
            دعم الجيش السوري الحر والجيش الوطني السوري    | الجيش السوري الحر 1, الجيش الوطني السوري 1
            تراجع الجيش السوري أمام هيئة تحرير الشام      | الجيش السوري 1, هيئة تحرير الشام 1
            """)
    void longestSpellingWinsAndMatchesDoNotOverlap(String text, String expected) {
        assertThat(entitiesIn(text)).containsExactly(expected.split(", "));
    }

    @Test
    void namesAreNotMatchedAcrossPunctuation() {
        assertThat(entitiesIn("التقى بشار. الأسد في الحديقة")).isEmpty();
        assertThat(entitiesIn("زار نور، سلطان المدينة")).isEmpty();
    }

    @Test
    void everyMentionCountsOnceAndTheMostMentionedComeFirst() {
        assertThat(entitiesIn("قال بوتين إن بوتين وأردوغان ولبوتين زاروا إدلب وبإدلب وفي إدلب")).containsExactly(
                "إدلب 3", "فلاديمير بوتين 3", "رجب طيب أردوغان 1");
    }

    @Test
    void entitiesCarryTheirType() {
        assertThat(TAGGER.tag("", List.of("بحث أردوغان في أنقرة مع الكرملين"), null).entities())
                .extracting(entity -> entity.getName() + " " + entity.getType())
                .containsExactly("أنقرة " + EntityType.PLACE, "الكرملين " + EntityType.ORGANIZATION,
                        "رجب طيب أردوغان " + EntityType.PERSON);
    }
}
