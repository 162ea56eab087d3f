package io.akhbar.enrich.tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaxonomyTest {
    private static final Tagger TAGGER = Tagger.withBundledData();

    private static List<String> topicsOf(String title, String body) {
        return TAGGER.tag(title, List.of(body), "ar").topics();
    }

    @Test
    void offersTheNewsTopics() {
        assertThat(TopicTaxonomy.bundled().topics()).containsExactly(
                "politics", "diplomacy", "military-security", "economy-energy", "humanitarian", "health", "sports",
                "technology", "science", "culture", "society", "law-justice", "environment");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            أعلنت المعارضة مقاطعة الانتخابات وطالبت البرلمان بتعديل الدستور قبل الاستفتاء       | politics
            أجرى وزير الخارجية مباحثات مع السفير الأمريكي حول استئناف المفاوضات                | diplomacy
            شنت الطائرات غارات على مواقع الفصائل المسلحة وسط اشتباكات عنيفة                   | military-security
            ارتفعت أسعار النفط والغاز في الأسواق العالمية مع تراجع التضخم                      | economy-energy
            وزعت منظمات الإغاثة المساعدات الإنسانية على النازحين في المخيمات                   | humanitarian
            أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في المستشفى ونقص اللقاحات      | health
            فاز المنتخب في المباراة النهائية للبطولة وسجل اللاعب هدفين                          | sports
            أطلقت الشركة هاتفا بتقنيات الذكاء الاصطناعي يحمي بيانات المستخدمين على الإنترنت  | technology
            أعلن العلماء في وكالة ناسا اكتشاف كوكب جديد بعد أن رصد الباحثون إشارات من الثقوب السوداء | science
            عرض المهرجان الفيلم الجديد للمخرج بحضور الممثل والفنانة                            | culture
            تزايدت البطالة والفقر بين الشباب وتراجع التعليم في المجتمع                        | society
            أصدرت المحكمة حكما بالسجن على المتهم بعد أن وجهت النيابة العامة التهم              | law-justice
            حذر خبراء المناخ من الجفاف والفيضانات بسبب الاحتباس الحراري والتلوث               | environment
            """)
    void findsEachTopicFromItsKeywords(String body, String topic) {
        assertThat(topicsOf("", body)).containsExactly(topic);
    }

    @Test
    void aPhraseWinsOverTheWordsInsideIt() {
        assertThat(topicsOf("", "انتشلت فرق الدفاع المدني الضحايا والجرحى من تحت الأنقاض"))
                .containsExactly("humanitarian");
    }

    @Test
    void aSingleKeywordDoesNotMakeABriefAboutATopicUnlessTheTitleCarriesIt() {
        assertThat(topicsOf("", "ارتفع النفط")).isEmpty();
        assertThat(topicsOf("النفط", "تراجع الطلب")).containsExactly("economy-energy");
    }

    @Test
    void theThresholdGrowsWithTheLengthOfTheArticle() {
        String keywords = "ارتفعت أسعار النفط والغاز";
        String filler = " ثم عاد الفريق إلى المنزل في المساء وتناول العشاء مع العائلة".repeat(30);

        assertThat(topicsOf("", keywords)).containsExactly("economy-energy");
        assertThat(topicsOf("", keywords + filler)).isEmpty();
    }

    @Test
    void keepsAtMostThreeTopicsHighestScoreFirst() {
        String body = "شنت الطائرات غارات على الفصائل المسلحة وسط اشتباكات والقصف مستمر."
                + " وارتفعت أسعار النفط والغاز. وأجرى وزير الخارجية مباحثات. ووزعت الإغاثة المساعدات على النازحين.";

        assertThat(topicsOf("", body)).containsExactly("military-security", "economy-energy", "humanitarian");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            politics\\t3                                => expected topic, weight and keywords
            politics\\tكثير\\tالسياسة                   => weight 'كثير' is not a positive whole number
            politics\\t0\\tالسياسة                      => weight '0' is not a positive whole number
            politics\\t2\\tالسياسة|السياسي              => 'السياسي' stems like another keyword of politics: سياس
            politics\\t2\\tالحل. السياسي                => keyword 'الحل. السياسي' is not one run of words
            """)
    void rejectsMistakesInTheDataWithTheLineToFix(String file, String message) throws IOException {
        List<DataFile.Line> lines =
                DataFile.parse(new BufferedReader(new StringReader(file.translateEscapes())), "t.tsv");

        assertThatThrownBy(() -> TopicTaxonomy.parse(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.tsv:1: ")
                .hasMessageContaining(message);
    }

    @Test
    void aKeywordMayServeSeveralTopics() throws IOException {
        TopicTaxonomy taxonomy = TopicTaxonomy.parse(DataFile.parse(new BufferedReader(new StringReader(
                "economy-energy\t3\tالطاقة المتجددة\nenvironment\t3\tالطاقة المتجددة\n")), "t.tsv"));

        assertThat(taxonomy.topicsOf(List.of(), List.of(List.of("الطاقه", "المتجدده", "الطاقه", "المتجدده"))))
                .containsExactly("economy-energy", "environment");
    }
}
