package io.akhbar.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * The page as blocks in document order. Every block-level element owns a contiguous range of blocks (its span),
 * so the text statistics of any element are differences of prefix sums, without walking its subtree again.
 */
final class Segmentation {

    /** The blocks of one element: indexes {@code [start, end)}, and its depth below the walked root. */
    record Span(int start, int end, int depth) {
        boolean isEmpty() {
            return start == end;
        }
    }

    private final List<Block> blocks;
    private final IdentityHashMap<Element, Span> spans;
    private final List<Element> containers;
    private final Sums clean;
    private final Sums all;

    Segmentation(List<Block> blocks, IdentityHashMap<Element, Span> spans, List<Element> containers) {
        this.blocks = List.copyOf(blocks);
        this.spans = spans;
        this.containers = List.copyOf(containers);
        this.clean = new Sums(blocks, true);
        this.all = new Sums(blocks, false);
    }

    List<Block> blocks() {
        return blocks;
    }

    Span span(Element el) {
        return spans.get(el);
    }

    /** Block-level elements that group other blocks (div, section, lists, tables), in document order. */
    List<Element> containers() {
        return containers;
    }

    /** Index in {@link #containers()} of the first container whose blocks start at or after {@code blockIndex}. */
    int firstContainerFrom(int blockIndex) {
        int lo = 0;
        int hi = containers.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(containers.get(mid)).start() < blockIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Prefix sums over the blocks outside furniture ({@code cleanOnly}) or over all blocks. */
    Sums sums(boolean cleanOnly) {
        return cleanOnly ? clean : all;
    }

    static final class Sums {
        private final int[] chars;
        private final int[] linkChars;
        private final int[] commas;

        private Sums(List<Block> blocks, boolean cleanOnly) {
            int n = blocks.size();
            chars = new int[n + 1];
            linkChars = new int[n + 1];
            commas = new int[n + 1];
            for (int i = 0; i < n; i++) {
                Block b = blocks.get(i);
                boolean counted = !cleanOnly || !b.isMarked();
                chars[i + 1] = chars[i] + (counted ? b.chars() : 0);
                linkChars[i + 1] = linkChars[i] + (counted ? b.linkChars() : 0);
                commas[i + 1] = commas[i] + (counted ? b.commas() : 0);
            }
        }

        int chars(Span s) {
            return chars[s.end()] - chars[s.start()];
        }

        int linkChars(Span s) {
            return linkChars[s.end()] - linkChars[s.start()];
        }

        int commas(Span s) {
            return commas[s.end()] - commas[s.start()];
        }

        double linkDensity(Span s) {
            int c = chars(s);
            return c == 0 ? 0 : (double) linkChars(s) / c;
        }
    }
}
