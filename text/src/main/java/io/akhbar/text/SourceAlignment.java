package io.akhbar.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps each character of {@link ArabicNormalizer#normalize normalised} text back to the source character it came
 * from, so that tokens found in normalised text can be highlighted in the original.
 *
 * <p>The normaliser is treated as a black box rather than re-implemented here, keeping its rules in one place. That
 * works because it only ever drops characters (tatweel, tashkeel, obfuscation separators, extra spaces), rewrites one
 * character into one or more characters (letter folding, presentation forms) or, rarely, depends on context (case of
 * a final sigma, composition of a letter with a combining mark). The alignment walks both strings, skips source
 * characters the normaliser dropped and treats anything it cannot explain as a one-for-one substitution, so an
 * unexplained character costs at most a slightly wider highlight and never desynchronises the rest of the text.
 */
final class SourceAlignment {
    /**
     * How many visible source characters may be passed over looking for the source of the next normalised character:
     * enough for the separators of an obfuscated word ("ـ.ـ", "ـ-*-ـ"), small enough that a character the normaliser
     * changed in context does not make the walk jump ahead to a distant coincidental match.
     */
    private static final int MAX_DROPPED_VISIBLE_CHARACTERS = 8;

    private final String source;
    private final String normalized;
    /** Texts repeat a small alphabet, so each distinct character is put through the normaliser once. */
    private final Map<Integer, String> normalizedCodePoints = new HashMap<>();

    private SourceAlignment(String source, String normalized) {
        this.source = source;
        this.normalized = normalized;
    }

    /**
     * Returns an array one longer than {@code normalized}: element {@code i} is the source offset of the character
     * that produced {@code normalized.charAt(i)}; the last element is the source offset just past the final character,
     * including marks attached to it, which is where a token ending with the text ends in the source.
     * Offsets never decrease.
     */
    static int[] sourceOffsets(String source, String normalized) {
        return new SourceAlignment(source, normalized).sourceOffsets();
    }

    private int[] sourceOffsets() {
        int[] offsets = new int[normalized.length() + 1];
        int sourceIndex = 0;
        int normalizedIndex = 0;
        while (normalizedIndex < normalized.length() && sourceIndex < source.length()) {
            int origin = sourceIndex;
            int produced = 0;
            int droppedVisible = 0;
            while (origin < source.length()) {
                produced = charactersProduced(origin, normalizedIndex);
                boolean givesUp = !isDroppedOnItsOwn(origin) && ++droppedVisible > MAX_DROPPED_VISIBLE_CHARACTERS;
                if (produced > 0 || givesUp) {
                    break;
                }
                origin += Character.charCount(source.codePointAt(origin));
            }
            if (produced == 0) {
                origin = sourceIndex;
                produced = 1;
            }
            for (int i = 0; i < produced; i++) {
                offsets[normalizedIndex + i] = origin;
            }
            normalizedIndex += produced;
            sourceIndex = origin + Character.charCount(source.codePointAt(origin));
        }
        while (sourceIndex < source.length() && isDroppedOnItsOwn(sourceIndex)
                && !isSpace(source.codePointAt(sourceIndex))) {
            sourceIndex += Character.charCount(source.codePointAt(sourceIndex));
        }
        for (int i = normalizedIndex; i < offsets.length; i++) {
            offsets[i] = sourceIndex;
        }
        return offsets;
    }

    /**
     * How many normalised characters, starting at {@code normalizedIndex}, the source code point at
     * {@code sourceIndex} accounts for; 0 if none.
     */
    private int charactersProduced(int sourceIndex, int normalizedIndex) {
        int codePoint = source.codePointAt(sourceIndex);
        if (normalized.codePointAt(normalizedIndex) == codePoint) {
            return Character.charCount(codePoint);
        }
        if (normalized.charAt(normalizedIndex) == ' ' && isSpace(codePoint)) {
            return 1;
        }
        String piece = normalizedOnItsOwn(codePoint);
        return !piece.isEmpty() && normalized.startsWith(piece, normalizedIndex) ? piece.length() : 0;
    }

    private boolean isDroppedOnItsOwn(int sourceIndex) {
        return normalizedOnItsOwn(source.codePointAt(sourceIndex)).isEmpty();
    }

    private String normalizedOnItsOwn(int codePoint) {
        return normalizedCodePoints.computeIfAbsent(codePoint, c -> ArabicNormalizer.normalize(Character.toString(c)));
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
