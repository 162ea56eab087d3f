package io.akhbar.ingest.extract;

import io.akhbar.text.ArabicNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lines of page furniture recognised by their wording: labels such as "مقالات ذات صلة", link lines such as
 * "اقرأ أيضاً: ...", comment-form notices, and bylines written into the body. The rules are data
 * ({@code boilerplate-phrases.txt}), so editors can add a site's wording without touching code. Public so that
 * the extraction benchmark counts what is left of the furniture by the same rules.
 */
public final class BoilerplatePhrases {
    static final String RESOURCE = "boilerplate-phrases.txt";

    /** A real paragraph may open with words of a prefix rule; link lines are short. */
    private static final int MAX_PREFIX_LINE = 300;
    /** Bylines are a name or two and a role; longer lines are prose. */
    private static final int MAX_BYLINE_LINE = 80;
    private static final int MAX_BYLINE_WORDS = 9;
    /** Below the combining diacritics block: Latin letters, digits and punctuation only. */
    private static final char LATIN_END = '\u0300';
    /** Dashes, quotes, bullets and dots of English typography, which normalisation turns into punctuation too. */
    private static final char TYPOGRAPHY_START = '\u2010';
    private static final char TYPOGRAPHY_END = '\u2027';

    enum Kind { LABEL, PREFIX, CONTAINS, BYLINE_PREFIX, BYLINE_CONTAINS }

    record Rule(Kind kind, String phrase) {
    }

    private final Set<String> labels;
    private final List<String> prefixes;
    /** Padded with a space on each side, to match whole words of a padded line. */
    private final List<String> contains;
    private final List<String> bylinePrefixes;
    /** Padded like {@link #contains}. */
    private final List<String> bylineContains;

    private BoilerplatePhrases(List<Rule> rules) {
        Set<String> labelSet = new HashSet<>();
        List<String> prefixList = new ArrayList<>();
        List<String> containsList = new ArrayList<>();
        List<String> bylinePrefixList = new ArrayList<>();
        List<String> bylineContainsList = new ArrayList<>();
        for (Rule rule : rules) {
            String phrase = canonical(rule.phrase());
            switch (rule.kind()) {
                case LABEL -> labelSet.add(withoutTrailingColon(phrase));
                case PREFIX -> prefixList.add(phrase);
                case CONTAINS -> containsList.add(" " + phrase + " ");
                case BYLINE_PREFIX -> bylinePrefixList.add(phrase);
                case BYLINE_CONTAINS -> bylineContainsList.add(" " + phrase + " ");
            }
        }
        this.labels = Set.copyOf(labelSet);
        this.prefixes = List.copyOf(prefixList);
        this.contains = List.copyOf(containsList);
        this.bylinePrefixes = List.copyOf(bylinePrefixList);
        this.bylineContains = List.copyOf(bylineContainsList);
    }

    public static BoilerplatePhrases load() {
        try (InputStream in = BoilerplatePhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BoilerplatePhrases parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("rule " + (i + 1) + " has no phrase: " + line);
            }
            rules.add(new Rule(kindOf(parts[0], i + 1), parts[1].strip()));
        }
        return new BoilerplatePhrases(rules);
    }

    private static Kind kindOf(String name, int lineNumber) {
        try {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + lineNumber + " has unknown kind " + name, e);
        }
    }

    /** The rule a line of page text falls under, as "kind: phrase", or empty when the line is not boilerplate. */
    public Optional<String> match(String line) {
        return matchCanonical(canonical(line));
    }

    /** {@link #match} for a line already in {@link #canonical} form. */
    Optional<String> matchCanonical(String canon) {
        if (canon.isEmpty()) {
            return Optional.empty();
        }
        String bare = withoutTrailingColon(canon);
        if (labels.contains(bare)) {
            return Optional.of("label: " + bare);
        }
        if (canon.length() <= MAX_PREFIX_LINE) {
            for (String prefix : prefixes) {
                if (startsWithWords(canon, prefix)) {
                    return Optional.of("prefix: " + prefix);
                }
            }
        }
        String padded = " " + canon + " ";
        for (String phrase : contains) {
            if (padded.contains(phrase)) {
                return Optional.of("contains: " + phrase.strip());
            }
        }
        return Optional.empty();
    }

    /** Whether a short line, seen at the top of an article body, names its writer rather than starting the story. */
    boolean isBylineLine(String line) {
        return isBylineCanonical(canonical(line));
    }

    /** {@link #isBylineLine} for a line already in {@link #canonical} form. */
    boolean isBylineCanonical(String canon) {
        if (canon.isEmpty() || canon.length() > MAX_BYLINE_LINE || canon.split(" ").length > MAX_BYLINE_WORDS) {
            return false;
        }
        for (String prefix : bylinePrefixes) {
            if (startsWithWords(canon, prefix)) {
                return true;
            }
        }
        String padded = " " + canon + " ";
        for (String phrase : bylineContains) {
            if (padded.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Normalised text with every punctuation mark a space, except the colon, which stays as a word of its own
     * because it separates a label from the link that follows it.
     */
    static String canonical(String text) {
        String normalized = isLatin(text) ? text.toLowerCase(Locale.ROOT) : ArabicNormalizer.normalize(text);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean space = true;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == ':' || c == '\uFF1A') {
                if (!space) {
                    out.append(' ');
                }
                out.append(": ");
                space = true;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }

    /**
     * Latin-script text needs none of what Arabic normalisation does, and it is most of what the extractor
     * compares on English pages, where normalising would cost more than parsing.
     */
    private static boolean isLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN_END && (c < TYPOGRAPHY_START || c > TYPOGRAPHY_END)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithWords(String canon, String prefix) {
        return canon.startsWith(prefix) && (canon.length() == prefix.length() || canon.charAt(prefix.length()) == ' ');
    }

    private static String withoutTrailingColon(String canon) {
        String s = canon;
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
