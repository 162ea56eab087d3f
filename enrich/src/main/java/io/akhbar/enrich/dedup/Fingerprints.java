package io.akhbar.enrich.dedup;

import io.akhbar.text.ArabicNormalizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The content fingerprint: a hash of the normalised words of title and body, so that the same text behind other
 * markup, other spellings of alef, added diacritics or obfuscation gets the same fingerprint.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(String title, List<String> paragraphs) {
        List<String> tokens = new ArrayList<>(ArabicNormalizer.tokens(title));
        for (String paragraph : paragraphs) {
            tokens.addAll(ArabicNormalizer.tokens(paragraph));
        }
        return of(tokens);
    }

    /** The fingerprint of a text given as its normalised words, title first. */
    public static String of(List<String> tokens) {
        StringBuilder text = new StringBuilder(tokens.size() * 8);
        for (String token : tokens) {
            text.append(token).append(' ');
        }
        byte[] hash = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
