package io.akhbar.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DateTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2020-10-14T10:30:00+03:00                       | 2020-10-14T07:30:00Z
            2020-10-14T10:30:00Z                            | 2020-10-14T10:30:00Z
            2020-10-14T10:30:00.123+0300                    | 2020-10-14T07:30:00Z
            2020-10-14 10:30:00                             | 2020-10-14T10:30:00Z
            2020-10-14                                      | 2020-10-14T00:00:00Z
            Wed, 14 Oct 2020 10:30:00 GMT                   | 2020-10-14T10:30:00Z
            14 تشرين الأول 2020                              | 2020-10-14T00:00:00Z
            14 من تشرين الأول 2020                           | 2020-10-14T00:00:00Z
            الأربعاء 14 أكتوبر 2020                          | 2020-10-14T00:00:00Z
            الأربعاء، 14 أكتوبر، 2020                        | 2020-10-14T00:00:00Z
            ١٤ تشرين الأول ٢٠٢٠                              | 2020-10-14T00:00:00Z
            ۱۴ اکتبر ۲۰۲۰ و 14 اكتوبر 2020                  | 2020-10-14T00:00:00Z
            14 كانون الثاني 2021                             | 2021-01-14T00:00:00Z
            3 شباط 2021                                      | 2021-02-03T00:00:00Z
            3 آذار 2021                                      | 2021-03-03T00:00:00Z
            3 نيسان 2021                                     | 2021-04-03T00:00:00Z
            3 أيار 2021                                      | 2021-05-03T00:00:00Z
            3 حزيران 2021                                    | 2021-06-03T00:00:00Z
            3 تموز 2021                                      | 2021-07-03T00:00:00Z
            3 آب 2021                                        | 2021-08-03T00:00:00Z
            3 أيلول 2021                                     | 2021-09-03T00:00:00Z
            3 تشرين الثاني 2021                              | 2021-11-03T00:00:00Z
            3 كانون الأول 2021                               | 2021-12-03T00:00:00Z
            3 يناير 2021                                     | 2021-01-03T00:00:00Z
            3 فبراير 2021                                    | 2021-02-03T00:00:00Z
            3 مارس 2021                                      | 2021-03-03T00:00:00Z
            3 أبريل 2021                                     | 2021-04-03T00:00:00Z
            3 ابريل 2021                                     | 2021-04-03T00:00:00Z
            3 مايو 2021                                      | 2021-05-03T00:00:00Z
            3 يونيو 2021                                     | 2021-06-03T00:00:00Z
            3 يونيه 2021                                     | 2021-06-03T00:00:00Z
            3 يوليو 2021                                     | 2021-07-03T00:00:00Z
            3 يوليه 2021                                     | 2021-07-03T00:00:00Z
            3 أغسطس 2021                                     | 2021-08-03T00:00:00Z
            3 سبتمبر 2021                                    | 2021-09-03T00:00:00Z
            3 نوفمبر 2021                                    | 2021-11-03T00:00:00Z
            3 ديسمبر 2021                                    | 2021-12-03T00:00:00Z
            3 جوان 2021                                      | 2021-06-03T00:00:00Z
            28 كانون الأول/ديسمبر 2022                       | 2022-12-28T00:00:00Z
            6 يوليو/ تموز 2021                               | 2021-07-06T00:00:00Z
            الخميس ١٥ تشرين الأول ٢٠٢٠ - ١١:٤٥ ص             | 2020-10-15T11:45:00Z
            الخميس 15 أكتوبر 2020 - 04:45 م                  | 2020-10-15T16:45:00Z
            نشر في 15 أكتوبر 2020 الساعة 10:05 بتوقيت GMT+3  | 2020-10-15T07:05:00Z
            14/5/2019                                        | 2019-05-14T00:00:00Z
            2019/05/14                                       | 2019-05-14T00:00:00Z
            October 14, 2020                                 | 2020-10-14T00:00:00Z
            Oct. 14, 2020 at 10:30 pm                        | 2020-10-14T22:30:00Z
            14th of October 2020                             | 2020-10-14T00:00:00Z
            """)
    void readsDates(String text, String expected) {
        assertThat(DateText.parse(text, true)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] ‹{0}›")
    @ValueSource(strings = {
            "في 18 من أيلول الماضي", "أمس الأربعاء، 14 من تشرين الأول", "ممارسة 2020", "منذ 3 ساعات", "",
            "2020-13-45", "31 شباط 2021", "page 12 of 2020 results"})
    void refusesTextWithoutACompleteDate(String text) {
        assertThat(DateText.parse(text, true)).isEmpty();
    }

    @ParameterizedTest(name = "{0} dayFirst={1}")
    @CsvSource(delimiter = '|', textBlock = """
            03/04/2020 | true  | 2020-04-03T00:00:00Z
            03/04/2020 | false | 2020-03-04T00:00:00Z
            13/04/2020 | false | 2020-04-13T00:00:00Z
            04/13/2020 | true  | 2020-04-13T00:00:00Z
            """)
    void numericDatesFollowThePagesLanguage(String text, boolean dayFirst, String expected) {
        assertThat(DateText.parse(text, dayFirst)).contains(Instant.parse(expected));
    }
}
