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
 * Standard Webhooks (standardwebhooks.com, v1 symmetric): HMAC-SHA256 over
 * {@code id.timestamp.body} with the secret (after {@code whsec_}, base64-decoded; otherwise its
 * raw bytes), sent as space-separated {@code v1,<base64>} values of which any may match (key
 * rotation). Timestamps outside the tolerance, either way, are refused. Used by OpenAI and
 * Replicate webhooks.
 */
public final class StandardWebhooks {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public StandardWebhooks(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Why a message was refused, or {@link Verdict#VALID}. */
    public enum Verdict { VALID, MISSING_HEADERS, BAD_TIMESTAMP, EXPIRED, WRONG_SIGNATURE }

    public Verdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null || id.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Verdict.EXPIRED;
        }
        byte[] expected = sign(id, seconds, body);
        for (String candidate : signatures.strip().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(comma + 1)))) {
                    return Verdict.VALID;
                }
            } catch (IllegalArgumentException e) {
                // not base64: try the next one
            }
        }
        return Verdict.WRONG_SIGNATURE;
    }

    /** The {@code webhook-signature} value for a message (for tests and senders). */
    public String signature(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id, timestamp, body));
    }

    private byte[] sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
