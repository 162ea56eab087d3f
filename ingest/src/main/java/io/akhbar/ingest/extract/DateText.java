package io.akhbar.ingest.extract;

import io.akhbar.text.ArabicNormalizer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a publication date written by machines (ISO 8601, RFC 1123) or by people, in Arabic with Levantine,
 * Egyptian/Gulf or Maghrebi month names and any digits, or in English. A stated offset is honoured; without
 * one the time is taken as UTC. Dates without a year are refused: in an article they are events, not bylines.
 */
final class DateText {
    private static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 2100;

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|", "(?:", ")"));

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[t ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
                    + "\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d))?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:من\\s+|of\\s+)?(" + MONTH + ")\\.?"
                    + "(?:\\s*[/(\\-،,]\\s*" + MONTH + "\\.?\\s*\\)?)?\\s*[,،]?\\s*(\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(" + MONTH + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[,،]?\\s*(\\d{4})(?!\\d)");
    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");
    private static final Pattern YEAR_LAST = Pattern.compile("(?<!\\d)(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?!\\d)");
    private static final Pattern TIME = Pattern.compile(
            "^[^\\d]{0,16}?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|صباحا|مساء|ص|م)?"
                    + "(?:\\s*(?:بتوقيت\\s*)?(?:gmt|utc)\\s*([+-]\\d{1,2}(?::?\\d{2})?)?)?");

    private DateText() {
    }

    /** Reads the first date in {@code text}. {@code dayFirst} settles "03/04/2020", which only the page's language can. */
    static Optional<Instant> parse(String text, boolean dayFirst) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = ArabicNormalizer.normalize(text);
        Matcher iso = ISO.matcher(s);
        if (iso.find()) {
            Optional<Instant> instant = isoInstant(iso);
            if (instant.isPresent()) {
                return instant;
            }
        }
        return written(s, dayFirst);
    }

    private static Optional<Instant> isoInstant(Matcher m) {
        Optional<LocalDate> date = date(m.group(1), m.group(2), m.group(3));
        if (date.isEmpty()) {
            return Optional.empty();
        }
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6), null);
        if (time == null) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(date.get(), time).toInstant(offset(m.group(7))));
    }

    private static Optional<Instant> written(String s, boolean dayFirst) {
        Found best = null;
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        while (m.find()) {
            if (monthStandsAlone(s, m.start(2), m.end(2))) {
                best = earlier(best, new Found(m.start(), m.end(),
                        date(m.group(3), String.valueOf(MONTHS.get(m.group(2))), m.group(1))));
                break;
            }
        }
        m = MONTH_DAY_YEAR.matcher(s);
        while (m.find()) {
            if (monthStandsAlone(s, m.start(1), m.end(1))) {
                best = earlier(best, new Found(m.start(), m.end(),
                        date(m.group(3), String.valueOf(MONTHS.get(m.group(1))), m.group(2))));
                break;
            }
        }
        m = YEAR_FIRST.matcher(s);
        if (m.find()) {
            best = earlier(best, new Found(m.start(), m.end(), date(m.group(1), m.group(2), m.group(3))));
        }
        m = YEAR_LAST.matcher(s);
        if (m.find()) {
            String first = m.group(1);
            String second = m.group(2);
            boolean swap = dayFirst ? Integer.parseInt(second) > 12 : Integer.parseInt(first) <= 12;
            best = earlier(best, new Found(m.start(), m.end(),
                    swap ? date(m.group(3), first, second) : date(m.group(3), second, first)));
        }
        if (best == null || best.date().isEmpty()) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.MIDNIGHT;
        ZoneOffset offset = ZoneOffset.UTC;
        Matcher t = TIME.matcher(s.substring(best.end()));
        if (t.find()) {
            LocalTime parsed = time(t.group(1), t.group(2), t.group(3), t.group(4));
            if (parsed != null) {
                time = parsed;
                offset = offset(t.group(5));
            }
        }
        return Optional.of(LocalDateTime.of(best.date().get(), time).toInstant(offset));
    }

    private record Found(int start, int end, Optional<LocalDate> date) {
    }

    private static Found earlier(Found a, Found b) {
        if (b.date().isEmpty()) {
            return a;
        }
        return a == null || a.date().isEmpty() || b.start() < a.start() ? b : a;
    }

    /** "مارس" must not be read inside "ممارسة", nor "ماي" inside "مايكروسوفت". */
    private static boolean monthStandsAlone(String s, int start, int end) {
        boolean letterBefore = start > 0 && Character.isLetter(s.charAt(start - 1));
        boolean letterAfter = end < s.length() && Character.isLetter(s.charAt(end));
        return !letterBefore && !letterAfter;
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < MIN_YEAR || y > MAX_YEAR) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String hour, String minute, String second, String meridiem) {
        try {
            int h = Integer.parseInt(hour);
            if (meridiem != null) {
                boolean pm = meridiem.startsWith("p") || meridiem.equals("م") || meridiem.equals("مساء");
                h = h % 12 + (pm ? 12 : 0);
            }
            return LocalTime.of(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("z") || zone.equals("utc") || zone.equals("gmt")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        String body = digits.substring(1);
        try {
            int hours = Integer.parseInt(body.length() > 2 ? body.substring(0, body.length() - 2) : body);
            int minutes = body.length() > 2 ? Integer.parseInt(body.substring(body.length() - 2)) : 0;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException | NumberFormatException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Map<String, Integer> months() {
        String[][] names = {
                {"كانون الثاني", "يناير", "جانفي", "january", "jan"},
                {"شباط", "فبراير", "فيفري", "february", "feb"},
                {"آذار", "مارس", "march", "mar"},
                {"نيسان", "أبريل", "ابريل", "إبريل", "أفريل", "april", "apr"},
                {"أيار", "مايو", "ماي", "may"},
                {"حزيران", "يونيو", "يونيه", "جوان", "june", "jun"},
                {"تموز", "يوليو", "يوليه", "جويلية", "جويلة", "july", "jul"},
                {"آب", "أغسطس", "اغسطس", "أوت", "august", "aug"},
                {"أيلول", "سبتمبر", "september", "sept", "sep"},
                {"تشرين الأول", "أكتوبر", "اكتوبر", "october", "oct"},
                {"تشرين الثاني", "نوفمبر", "november", "nov"},
                {"كانون الأول", "ديسمبر", "december", "dec"},
        };
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.putIfAbsent(ArabicNormalizer.normalize(name), i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
