package io.akhbar.ingest.extract;

import java.nio.charset.StandardCharsets;

/** Refuses input that cannot be read as a web page at all: known binary formats and control-character soup. */
final class BinaryDetector {
    private static final int SAMPLE = 4096;
    /** Text pages carry almost no C0 control characters; a few stray ones are common and harmless. */
    private static final double MAX_CONTROL_SHARE = 0.05;
    private static final byte[][] MAGIC = {
            "%PDF".getBytes(StandardCharsets.US_ASCII),
            {(byte) 0x89, 'P', 'N', 'G'},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "GIF8".getBytes(StandardCharsets.US_ASCII),
            {'P', 'K', 3, 4},
            {(byte) 0x1F, (byte) 0x8B},
            {'R', 'I', 'F', 'F'},
            {0x00, 0x00, 0x00},
    };

    private BinaryDetector() {
    }

    static void requireText(byte[] body) {
        if (body == null) {
            return;
        }
        for (byte[] magic : MAGIC) {
            if (startsWith(body, magic)) {
                throw new ExtractionException("not HTML: binary signature at the start of " + body.length + " bytes");
            }
        }
        if (hasUtf16Bom(body)) {
            return;
        }
        int n = Math.min(body.length, SAMPLE);
        int control = 0;
        for (int i = 0; i < n; i++) {
            if (isControl(body[i] & 0xFF)) {
                control++;
            }
        }
        reject(control, n);
    }

    static void requireText(String html) {
        if (html == null) {
            return;
        }
        int n = Math.min(html.length(), SAMPLE);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c < 0x20 && isControl(c) || c == '\uFFFD') {
                control++;
            }
        }
        reject(control, n);
    }

    private static void reject(int control, int sampled) {
        if (sampled > 0 && control > MAX_CONTROL_SHARE * sampled) {
            throw new ExtractionException("not HTML: " + control + " control characters in the first " + sampled);
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1B;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
