package io.akhbar.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of an article in every topic and its Elasticsearch {@code _id}: a hash of the canonical URL, so that
 * the key has a fixed length, carries no characters Elasticsearch or Kafka tooling trip over, and is stable.
 */
public final class ArticleKeys {
    private ArticleKeys() {
    }

    public static String of(String canonicalUrl) {
        return HexFormat.of().formatHex(sha256(canonicalUrl.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
