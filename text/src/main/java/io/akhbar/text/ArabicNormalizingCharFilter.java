package io.akhbar.text;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

import java.io.IOException;
import java.io.Reader;

/**
 * Applies {@link ArabicNormalizer#normalize} before tokenizing: obfuscation such as "منـ.ـع" has to be repaired while
 * it is still one run of characters, before a tokenizer splits it at the dot.
 *
 * <p>The normaliser works on whole strings (its obfuscation rule looks at the letters on both sides of a separator),
 * so this filter reads all of its input, normalises it in one call and serves the result. Buffering is acceptable
 * because the fields analysed are bounded (titles and article bodies). Token offsets are corrected back to the
 * original text through {@link SourceAlignment}, so highlighting marks the words as they were written.
 */
public final class ArabicNormalizingCharFilter extends BaseCharFilter {
    private static final int READ_BUFFER_SIZE = 4096;

    private String normalized;
    private int position;

    public ArabicNormalizingCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (normalized == null) {
            normalizeWholeInput();
        }
        if (position >= normalized.length()) {
            return -1;
        }
        int count = Math.min(length, normalized.length() - position);
        normalized.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private void normalizeWholeInput() throws IOException {
        String source = readAll();
        normalized = ArabicNormalizer.normalize(source);
        int[] sourceOffsets = SourceAlignment.sourceOffsets(source, normalized);
        int previousDifference = 0;
        for (int offset = 0; offset < sourceOffsets.length; offset++) {
            int difference = sourceOffsets[offset] - offset;
            if (difference != previousDifference) {
                addOffCorrectMap(offset, difference);
                previousDifference = difference;
            }
        }
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[READ_BUFFER_SIZE];
        for (int count = input.read(buffer); count != -1; count = input.read(buffer)) {
            text.append(buffer, 0, count);
        }
        return text.toString();
    }
}
