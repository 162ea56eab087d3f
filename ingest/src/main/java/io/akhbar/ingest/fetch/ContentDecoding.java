package io.akhbar.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes the Content-Encoding of a body. The size limit applies to the decoded bytes and decoding stops as soon as
 * it is passed, so a small compressed body that would inflate to gigabytes (a gzip bomb) costs nothing.
 */
final class ContentDecoding {
    private ContentDecoding() {
    }

    static ResponseBody decode(byte[] body, String contentEncoding, int limit) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (encoding) {
                case "", "identity" -> new ResponseBody.Received(body);
                case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new ByteArrayInputStream(body)), limit);
                case "br" -> readLimited(new BrotliInputStream(new ByteArrayInputStream(body)), limit);
                default -> new ResponseBody.Refused(FailureReason.BAD_ENCODING,
                        "unsupported Content-Encoding " + contentEncoding);
            };
        } catch (IOException e) {
            return new ResponseBody.Refused(FailureReason.BAD_ENCODING,
                    "corrupt " + encoding + " body: " + e.getMessage());
        }
    }

    private static ResponseBody readLimited(InputStream decoded, int limit) throws IOException {
        try (decoded) {
            byte[] bytes = decoded.readNBytes(limit + 1);
            return bytes.length > limit
                    ? new ResponseBody.Refused(FailureReason.TOO_LARGE, "decoded body exceeds " + limit + " bytes")
                    : new ResponseBody.Received(bytes);
        }
    }
}
