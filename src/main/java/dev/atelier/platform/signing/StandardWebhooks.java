package dev.atelier.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing and checking per Standard Webhooks (standardwebhooks.com): headers {@code webhook-id},
 * {@code webhook-timestamp} (epoch seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256
 * of "id.timestamp.body">} (several space-separated signatures allowed, any one may match). A
 * timestamp more than five minutes off is refused; signatures are compared in constant time.
 * Refusing a replayed id is the receiver's job (it knows where to remember ids).
 *
 * <p>The secret is {@code whsec_<base64 key>} as the specification writes it, or any other text
 * of at least 16 bytes used as the key as it is.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SecretKeySpec key;

    public StandardWebhooks(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Standard Webhooks secret is required");
        }
        byte[] bytes = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a Standard Webhooks secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The three headers of a message. */
    public record Headers(String id, String timestamp, String signature) {
    }

    public enum Verdict {
        VALID,
        /** a header is missing or malformed */
        MISSING,
        /** no signature matches */
        INVALID,
        /** the timestamp is more than five minutes from now */
        EXPIRED;

        public boolean valid() {
            return this == VALID;
        }
    }

    public Headers sign(String id, Instant timestamp, byte[] body) {
        String seconds = Long.toString(timestamp.getEpochSecond());
        return new Headers(id, seconds, "v1," + Base64.getEncoder().encodeToString(mac(id, seconds, body)));
    }

    /** Checks the headers of a received message against its raw body at {@code now}. */
    public Verdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || id.isBlank() || id.length() > 256 || timestamp == null || signatures == null
                || !timestamp.matches("[0-9]{1,12}")) {
            return Verdict.MISSING;
        }
        byte[] expected = mac(id, timestamp, body);
        boolean matched = false;
        for (String candidate : signatures.trim().split(" +")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (!matched) {
            return Verdict.INVALID;
        }
        long age = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
        return age > TOLERANCE.toSeconds() ? Verdict.EXPIRED : Verdict.VALID;
    }

    private byte[] mac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
