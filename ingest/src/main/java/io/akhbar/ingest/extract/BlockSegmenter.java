package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a document into {@link Block}s in one walk over the DOM, skipping what can never be article text and
 * marking what markup calls furniture (see {@link StructuralBoilerplate}).
 */
final class BlockSegmenter {

    private BlockSegmenter() {
    }

    static boolean isBlock(Element el) {
        return TagTraits.is(TagTraits.of(el.normalName()), TagTraits.BLOCK);
    }

    static Segmentation segment(Element root) {
        Walker walker = new Walker();
        NodeTraversor.filter(walker, root);
        walker.flush();
        return new Segmentation(walker.blocks, walker.spans, walker.containers);
    }

    private static final class Walker implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        final IdentityHashMap<Element, Segmentation.Span> spans = new IdentityHashMap<>();
        final List<Element> containers = new ArrayList<>();

        /** Elements whose span is being recorded, innermost last, with the block index each started at. */
        private final Deque<Element> open = new ArrayDeque<>();
        private int[] openStarts = new int[64];
        private final Deque<Element> blockStack = new ArrayDeque<>();
        private Element[] marks = new Element[0];

        private final Map<String, Integer> nameTraits = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private boolean pendingSpace;
        private int chars;
        private int linkChars;
        private int commas;
        private int linkDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (tag.equals("br")) {
                flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            int traits = TagTraits.of(tag);
            StructuralBoilerplate.Verdict verdict = StructuralBoilerplate.judge(el, traits, nameTraits);
            if (verdict == StructuralBoilerplate.Verdict.SKIP) {
                return FilterResult.SKIP_ENTIRELY;
            }
            boolean block = TagTraits.is(traits, TagTraits.BLOCK);
            boolean marked = verdict == StructuralBoilerplate.Verdict.MARK;
            if (block) {
                flush();
                blockStack.push(el);
                if (TagTraits.is(traits, TagTraits.CONTAINER)) {
                    containers.add(el);
                }
            }
            if (block || marked) {
                if (open.size() == openStarts.length) {
                    openStarts = Arrays.copyOf(openStarts, openStarts.length * 2);
                }
                openStarts[open.size()] = blocks.size();
                open.push(el);
            }
            if (marked) {
                marks = Arrays.copyOf(marks, marks.length + 1);
                marks[marks.length - 1] = el;
            }
            if (tag.equals("a")) {
                linkDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (tag.equals("a")) {
                linkDepth--;
            }
            // Only blocks are pushed, so the element on top is a block.
            if (!blockStack.isEmpty() && blockStack.peek() == el) {
                flush();
                blockStack.pop();
            }
            if (!open.isEmpty() && open.peek() == el) {
                open.pop();
                spans.put(el, new Segmentation.Span(openStarts[open.size()], blocks.size(), depth));
            }
            if (marks.length > 0 && marks[marks.length - 1] == el) {
                marks = Arrays.copyOf(marks, marks.length - 1);
            }
            return FilterResult.CONTINUE;
        }

        /** Appends a text node: runs of white space become one space, words are copied a run at a time. */
        private void append(String raw) {
            int n = raw.length();
            int i = 0;
            while (i < n) {
                if (isSpace(raw.charAt(i))) {
                    pendingSpace = text.length() > 0;
                    i++;
                    continue;
                }
                int start = i;
                for (char c; i < n && !isSpace(c = raw.charAt(i)); i++) {
                    if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
                        commas++;
                    }
                }
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                text.append(raw, start, i);
                chars += i - start;
                if (linkDepth > 0) {
                    linkChars += i - start;
                }
            }
        }

        /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}, without a table lookup for letters. */
        private static boolean isSpace(char c) {
            if (c <= ' ') {
                return c == ' ' || Character.isWhitespace(c);
            }
            return c >= '\u00A0' && (c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A'
                    || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000');
        }

        void flush() {
            if (chars > 0) {
                Element container = blockStack.peek();
                blocks.add(new Block(text.toString(), container, kindOf(container), chars, linkChars, commas, marks));
            }
            text.setLength(0);
            pendingSpace = false;
            chars = 0;
            linkChars = 0;
            commas = 0;
        }

        private static Block.Kind kindOf(Element container) {
            if (container == null) {
                return Block.Kind.LOOSE_TEXT;
            }
            return switch (container.normalName()) {
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "th" -> Block.Kind.PARAGRAPH;
                case "li", "dt", "dd" -> Block.Kind.LIST_ITEM;
                default -> Block.Kind.LOOSE_TEXT;
            };
        }
    }
}
