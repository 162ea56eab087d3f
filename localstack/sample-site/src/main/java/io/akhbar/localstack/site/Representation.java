package io.akhbar.localstack.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The bytes of a page as served, with the validator the crawler's conditional requests send back. */
record Representation(byte[] body, String contentType, String etag) {

    static Representation of(byte[] body, String contentType) {
        return new Representation(body, contentType, '"' + HexFormat.of().formatHex(sha256(body), 0, 12) + '"');
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
