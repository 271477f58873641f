package dev.atelier.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with a fixed key; verification is constant-time. */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public Hmac(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an HMAC key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public byte[] sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public byte[] sign(String message) {
        return sign(message.getBytes(StandardCharsets.UTF_8));
    }

    public boolean verify(String message, byte[] signature) {
        return signature != null && MessageDigest.isEqual(sign(message), signature);
    }

    /** SHA-256 of a text, for storing tokens and keys as lookup hashes. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
