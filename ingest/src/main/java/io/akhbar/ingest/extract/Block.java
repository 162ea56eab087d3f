package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

/**
 * A run of text between two block boundaries (a paragraph, a heading, a list item, a line ended by {@code <br>}),
 * with what content scoring needs to know about it.
 *
 * @param container    the nearest block-level element around the text
 * @param chars        letters, digits and punctuation, white space not counted
 * @param linkChars    the part of {@code chars} inside links
 * @param commas       commas of any script: a sign of prose
 * @param marks        the marked (furniture) elements around the block, outermost first
 */
record Block(String text, Element container, Kind kind, int chars, int linkChars, int commas, Element[] marks) {

    /**
     * How the text sits in its container, which decides where its content points go: a paragraph-like element
     * (p, heading, cell, quote) speaks for the box around it, loose text for the container holding it, and a
     * list item, usually a link in a menu or a list of headlines, for nothing.
     */
    enum Kind { PARAGRAPH, LOOSE_TEXT, LIST_ITEM }

    boolean isMarked() {
        return marks.length > 0;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}
