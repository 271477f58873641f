package dev.atelier.platform.signing;

import dev.atelier.platform.Hmac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks 1.0 symmetric signatures (HMAC-SHA256, prefix {@code v1}): what Atelier sends
 * to its users' endpoints, and what providers (OpenAI, Replicate) and render workers send to
 * Atelier. The signed content is {@code id + "." + timestamp + "." + body} over the exact bytes
 * sent; a header may carry several space-separated signatures (during a key rotation), and a
 * message is genuine when any one of them verifies with any of the keys.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** The reference libraries' tolerance, in both directions. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /**
     * A signer and checker for one secret: {@code whsec_<base64 key>} as the specification writes it,
     * or any other text of at least 16 bytes used as the key as it is (Replicate's and OpenAI's
     * secrets are {@code whsec_…}; render workers share one configured text).
     */
    public StandardWebhooks(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Standard Webhooks secret is required");
        }
        byte[] bytes = secret.startsWith(SECRET_PREFIX) ? keyOf(secret) : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a Standard Webhooks secret needs at least 16 bytes");
        }
        this.key = bytes;
    }

    /** The three headers of a message. */
    public record Headers(String id, String timestamp, String signature) {
    }

    /** Why a message was refused, or {@link #VALID}. */
    public enum Verdict {
        VALID, MISSING_HEADERS, BAD_TIMESTAMP, EXPIRED, WRONG_SIGNATURE;

        public boolean valid() {
            return this == VALID;
        }
    }

    /** Signs a message to send with this secret. */
    public Headers sign(String id, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        return new Headers(id, Long.toString(seconds), signature(id, seconds, body));
    }

    /** The {@code webhook-signature} value of a message (for senders and tests). */
    public String signature(String id, long timestamp, byte[] body) {
        return sign(key, id, timestamp, body);
    }

    /** Checks a received message against this secret at {@code now}, with the default tolerance. */
    public Verdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id != null && id.length() > 256) {
            return Verdict.MISSING_HEADERS;
        }
        return switch (verify(List.of(key), id, timestamp, signatures, body, now, DEFAULT_TOLERANCE)) {
            case Verification.Valid valid -> Verdict.VALID;
            case Verification.Invalid invalid -> switch (invalid.reason()) {
                case "missing_headers" -> Verdict.MISSING_HEADERS;
                case "invalid_timestamp" -> Verdict.BAD_TIMESTAMP;
                case "timestamp_out_of_tolerance" -> Verdict.EXPIRED;
                default -> Verdict.WRONG_SIGNATURE;
            };
        };
    }

    /** The outcome of checking a received message. */
    public sealed interface Verification {
        record Valid() implements Verification {
        }

        record Invalid(String reason) implements Verification {
        }

        default boolean valid() {
            return this instanceof Valid;
        }
    }

    /** A fresh secret: 32 random bytes, shown as {@code whsec_<base64>}. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a {@code whsec_<base64>} secret (the prefix is optional). */
    public static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** One signature, {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(new Hmac(key).sign(signedContent(id, timestamp, body)));
    }

    /** The {@code webhook-signature} header: one signature per key, space-separated. */
    public static String signatureHeader(List<byte[]> keys, String id, long timestamp, byte[] body) {
        return keys.stream().map(key -> sign(key, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /**
     * Checks a received message: the timestamp within {@code tolerance} of {@code now} (either way),
     * and at least one {@code v1} signature of the header made by one of {@code keys}, compared in
     * constant time. Signatures of other schemes ({@code v1a}) are skipped, not errors.
     */
    public static Verification verify(List<byte[]> keys, String id, String timestamp, String signatureHeader,
            byte[] body, Instant now, Duration tolerance) {
        if (id == null || id.isEmpty() || timestamp == null || signatureHeader == null || body == null) {
            return new Verification.Invalid("missing_headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return new Verification.Invalid("invalid_timestamp");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return new Verification.Invalid("timestamp_out_of_tolerance");
        }
        byte[] content = signedContent(id, seconds, body);
        for (String candidate : signatureHeader.strip().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (byte[] key : keys) {
                if (MessageDigest.isEqual(new Hmac(key).sign(content), given)) {
                    return new Verification.Valid();
                }
            }
        }
        return new Verification.Invalid("no_matching_signature");
    }

    private static byte[] signedContent(String id, long timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        return content.toByteArray();
    }
}
