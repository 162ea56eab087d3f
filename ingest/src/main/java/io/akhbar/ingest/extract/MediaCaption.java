package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The caption of an image or an embedded player, recognised by where it sits rather than by a class name: short
 * text that shares its box with nothing but the picture or the player. Templates that do not use
 * {@code figcaption} (a div after the image, a span under a video frame) say "caption" in a class at best, and
 * often in a generated class name that says nothing. Captions describe a picture, not the story, and readers of
 * the article text do not expect them (the Zyte benchmark's annotators left out 116 of 119 figcaptions).
 *
 * <p>Sentences of the article end with their punctuation, while captions rarely do, or end with the photo's
 * credit in parentheses: a line that ends like a sentence is never taken for a caption.
 */
final class MediaCaption {
    /** About thirty words of Arabic; a longer text under a picture is part of the article. */
    private static final int MAX_CAPTION_CHARS = 250;
    /** A figure holds the media, its caption and perhaps a credit line; more than that is a section of the page. */
    private static final int MAX_BOX_CHILDREN = 4;
    static final String MEDIA = "img, picture, video, iframe, embed, object, amp-img, amp-video, amp-iframe, amp-youtube";

    private MediaCaption() {
    }

    static boolean is(Block block) {
        Element container = block.container();
        if (container == null || block.chars() > MAX_CAPTION_CHARS || endsLikeSentence(block.text())
                || isHeading(container)) {
            return false;
        }
        if (container.selectFirst(MEDIA) != null && container.text().length() <= block.text().length()) {
            return true;
        }
        Element box = container.parent();
        return box != null && holdsOnlyMediaBeside(box, container);
    }

    /** Whether the box holds the container and, besides it, media without any text, and at least one medium. */
    private static boolean holdsOnlyMediaBeside(Element box, Element container) {
        if (box.childrenSize() > MAX_BOX_CHILDREN) {
            return false;
        }
        boolean media = false;
        for (Node node : box.childNodes()) {
            if (node == container) {
                continue;
            }
            if (node instanceof TextNode text && !text.isBlank()) {
                return false;
            }
            if (node instanceof Element sibling) {
                if (sibling.hasText()) {
                    return false;
                }
                media |= sibling.is(MEDIA) || sibling.selectFirst(MEDIA) != null;
            }
        }
        return media;
    }

    private static boolean endsLikeSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return switch (last) {
            case '.', '!', '?', '\u061F', '\u2026', '\u06D4', '"', '\u201D', '\u00BB', ':' -> true;
            default -> false;
        };
    }

    private static boolean isHeading(Element container) {
        String tag = container.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }
}
