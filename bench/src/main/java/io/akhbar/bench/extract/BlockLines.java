package io.akhbar.bench.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a browser would show for an element: a new line at every block element and {@code <br>}. Readability
 * returns HTML, and its text() is one long line, which would hide a leftover boilerplate line inside the body.
 */
final class BlockLines {
    private BlockLines() {
    }

    static List<String> of(Element root) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    line.append(text.getWholeText());
                } else if (node instanceof Element el && (el.isBlock() || el.nameIs("br"))) {
                    flush(lines, line);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && el.isBlock()) {
                    flush(lines, line);
                }
            }
        }, root);
        flush(lines, line);
        return lines;
    }

    private static void flush(List<String> lines, StringBuilder line) {
        String text = line.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
        if (!text.isEmpty()) {
            lines.add(text);
        }
        line.setLength(0);
    }
}
