package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises page furniture by markup alone: elements never holding article text (scripts, forms' controls,
 * hidden nodes) are skipped, and elements whose tag, class, id or role says navigation, sharing, comments,
 * related links and the like are marked, so their text neither counts towards content nor reaches the output.
 */
final class StructuralBoilerplate {

    enum Verdict { KEEP, SKIP, MARK }

    private static final Set<String> MARKED_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert");

    /** Names that only furniture carries, whatever else the class list says. */
    private static final Set<String> STRONG = Set.of(
            "comment", "disqus", "related", "share", "sharing", "social", "breadcrumb", "newsletter", "subscribe",
            "signup", "sign-up", "cookie", "consent", "gdpr", "tagcloud", "tag-cloud", "post-tags", "entry-tags",
            "article-tags", "tags-", "-tags", "about-author", "author-box", "authorbox", "author-bio", "author-info",
            "author-card", "author-details", "ticker", "breaking-news", "breaking_news", "go-to-top", "back-to-top",
            "scroll-to-top", "scroll-top", "scrolltop", "gotop", "totop", "most-read", "mostread", "most-popular",
            "popular", "trending", "outbrain", "taboola", "zergnet", "revcontent", "sponsor", "promo", "advert",
            "caption", "gallery", "slideshow", "carousel", "screen-reader", "sr-only", "visually-hidden",
            "skip-link", "print-only", "pagination", "pager", "read-more", "readmore", "read-also", "also-read",
            "recommend", "more-stories", "more-news", "next-post", "prev-post", "post-navigation", "nav-links",
            "modal", "popup", "toolbar", "masthead", "byline", "post-meta", "entry-meta", "article-meta",
            "meta-info", "post-info", "rating", "reaction", "emoji", "dateline", "timestamp");
    /** Words that must stand alone: as substrings they occur inside ordinary words ("ad" in "header"). */
    private static final String[][] STRONG_TOKENS_BY_LENGTH = byLength(List.of(
            "ad", "ads", "adv", "advs", "tags", "tag", "copyright", "meta", "print", "date", "author", "credit",
            "credits", "source", "sources"));
    /** Names of layout regions that often also wrap the article, so they yield to a content-ish name. */
    private static final Set<String> WEAK = Set.of(
            "header", "footer", "sidebar", "widget", "menu", "navbar", "nav-", "-nav", "topbar", "top-bar",
            "bottom-bar", "extra", "aside", "links", "login", "search", "banner", "brand", "logo", "legal",
            "shoutbox", "supplement", "community", "combx", "remark", "rss", "skyscraper");
    /** Names that say an element holds the article, which outweighs a weak furniture name on the same element. */
    private static final Set<String> CONTENT_NAME = Set.of(
            "article", "content", "entry", "main", "body", "post", "story", "text", "column", "shadow", "single",
            "blog", "page");
    /** All three, found in one scan: bit 0 for {@link #STRONG}, 1 for {@link #WEAK}, 2 for {@link #CONTENT_NAME}. */
    private static final KeywordMatcher NAME_WORDS = KeywordMatcher.of(List.of(STRONG, WEAK, CONTENT_NAME));
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private static final int EMBED = 1;
    private static final int STRONG_NAME = 1 << 1;
    private static final int WEAK_NAME = 1 << 2;
    private static final int CONTENT = 1 << 3;

    private StructuralBoilerplate() {
    }

    /** Words indexed by their length, so that a token is compared only with words as long as itself. */
    private static String[][] byLength(List<String> words) {
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int l = length;
            byLength[length] = words.stream().filter(w -> w.length() == l).toArray(String[]::new);
        }
        return byLength;
    }

    /**
     * @param tagTraits the element's {@link TagTraits}
     * @param byName    what {@link #nameTraits} found for a class or id string, for this page: templates repeat
     *                  the same class lists on hundreds of elements, and matching them is most of the cost
     */
    static Verdict judge(Element el, int tagTraits, Map<String, Integer> byName) {
        if (TagTraits.is(tagTraits, TagTraits.SKIPPED)) {
            return Verdict.SKIP;
        }
        if (el.attributesSize() == 0) {
            return TagTraits.is(tagTraits, TagTraits.MARKED) && !TagTraits.is(tagTraits, TagTraits.NEVER_MARKED)
                    ? Verdict.MARK : Verdict.KEEP;
        }
        if (isHidden(el)) {
            return Verdict.SKIP;
        }
        if (TagTraits.is(tagTraits, TagTraits.NEVER_MARKED)) {
            return Verdict.KEEP;
        }
        if (TagTraits.is(tagTraits, TagTraits.MARKED)) {
            return Verdict.MARK;
        }
        String role = el.attr("role");
        if (!role.isEmpty() && MARKED_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return Verdict.MARK;
        }
        if (el.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return Verdict.KEEP;
        }
        int names = nameTraits(el.className(), byName) | nameTraits(el.id(), byName);
        // Embedded posts ("social-media-embed") quote what the story is about: they are part of it.
        if ((names & EMBED) != 0) {
            return Verdict.KEEP;
        }
        if ((names & STRONG_NAME) != 0 || (names & WEAK_NAME) != 0 && (names & CONTENT) == 0) {
            return Verdict.MARK;
        }
        return Verdict.KEEP;
    }

    /**
     * What a class or id string says, as bits. No keyword holds a space, so the class and the id can be judged
     * apart and their bits combined.
     */
    private static int nameTraits(String raw, Map<String, Integer> byName) {
        if (raw.isEmpty()) {
            return 0;
        }
        Integer known = byName.get(raw);
        if (known != null) {
            return known;
        }
        String names = raw.toLowerCase(Locale.ROOT).strip();
        int traits = 0;
        if (names.contains("embed")) {
            traits |= EMBED;
        }
        int words = NAME_WORDS.groupsIn(names);
        if ((words & 1) != 0 || hasStrongToken(names)) {
            traits |= STRONG_NAME;
        }
        if ((words & 2) != 0) {
            traits |= WEAK_NAME;
        }
        if ((words & 4) != 0) {
            traits |= CONTENT;
        }
        byName.put(raw, traits);
        return traits;
    }

    private static boolean hasStrongToken(String names) {
        int start = 0;
        for (int i = 0; i <= names.length(); i++) {
            if (i == names.length() || isTokenSeparator(names.charAt(i))) {
                if (isStrongToken(names, start, i - start)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isStrongToken(String names, int start, int length) {
        if (length >= STRONG_TOKENS_BY_LENGTH.length) {
            return false;
        }
        for (String token : STRONG_TOKENS_BY_LENGTH[length]) {
            if (names.startsWith(token, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenSeparator(char c) {
        return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
    }

    /** Class and id, lower case, space separated; empty when the element has neither. */
    static String names(Element el) {
        return names(el.className(), el.id());
    }

    private static String names(String cls, String id) {
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + " " + id).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }
}
