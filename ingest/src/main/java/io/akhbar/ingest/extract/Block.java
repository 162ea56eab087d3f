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
record Block(int index, String text, Element container, Kind kind, int chars, int linkChars, int commas,
             Element[] marks) {

    enum Kind { PARAGRAPH, HEADING, LIST_ITEM, PREFORMATTED, QUOTE, CELL, TEXT }

    boolean isMarked() {
        return marks.length > 0;
    }

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}
