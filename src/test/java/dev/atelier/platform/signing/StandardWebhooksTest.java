package dev.atelier.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    // the test vector of the Standard Webhooks reference libraries (shared/reference/providers.md §3)
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsTheTestVectorAsTheReferenceLibrariesDo() {
        assertThat(StandardWebhooks.sign(StandardWebhooks.keyOf(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesTheTestVector() {
        assertThat(verify(List.of(SECRET), EXPECTED, BODY, THEN).valid()).isTrue();
    }

    @Test
    void whatItSignsPassesTheSpecificationsVerificationAlgorithm() {
        String secret = StandardWebhooks.newSecret();
        byte[] body = "{\"type\":\"generation.succeeded\",\"data\":{\"prompt\":\"ünïcödé\"}}".getBytes(StandardCharsets.UTF_8);
        String header = StandardWebhooks.signatureHeader(List.of(StandardWebhooks.keyOf(secret)), "msg_1", 1700000000, body);

        assertThat(SpecVerifier.verify(secret, "msg_1", "1700000000", header, body, Instant.ofEpochSecond(1700000100)))
                .isTrue();
        assertThat(SpecVerifier.verify(SECRET, ID, Long.toString(TIMESTAMP), EXPECTED, BODY, THEN)).isTrue();
    }

    @Test
    void aRotationSendsOneSignaturePerKeyAndEitherKeyVerifies() {
        String old = StandardWebhooks.newSecret();
        String next = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signatureHeader(
                List.of(StandardWebhooks.keyOf(next), StandardWebhooks.keyOf(old)), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThat(verify(List.of(old), header, BODY, THEN).valid()).isTrue();
        assertThat(verify(List.of(next), header, BODY, THEN).valid()).isTrue();
        assertThat(SpecVerifier.verify(old, ID, Long.toString(TIMESTAMP), header, BODY, THEN)).isTrue();
        assertThat(verify(List.of(StandardWebhooks.newSecret()), header, BODY, THEN))
                .isEqualTo(new StandardWebhooks.Verification.Invalid("no_matching_signature"));
    }

    @Test
    void aChangedBodyIdOrTimestampFails() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(List.of(SECRET), EXPECTED, changed, THEN).valid()).isFalse();
        assertThat(StandardWebhooks.verify(List.of(StandardWebhooks.keyOf(SECRET)), "msg_other",
                Long.toString(TIMESTAMP), EXPECTED, BODY, THEN, StandardWebhooks.DEFAULT_TOLERANCE).valid()).isFalse();
        assertThat(StandardWebhooks.verify(List.of(StandardWebhooks.keyOf(SECRET)), ID,
                Long.toString(TIMESTAMP + 1), EXPECTED, BODY, THEN, StandardWebhooks.DEFAULT_TOLERANCE).valid()).isFalse();
    }

    @Test
    void timestampsOutsideTheToleranceFailEitherWay() {
        assertThat(verify(List.of(SECRET), EXPECTED, BODY, THEN.plusSeconds(301)))
                .isEqualTo(new StandardWebhooks.Verification.Invalid("timestamp_out_of_tolerance"));
        assertThat(verify(List.of(SECRET), EXPECTED, BODY, THEN.minusSeconds(301)).valid()).isFalse();
        assertThat(verify(List.of(SECRET), EXPECTED, BODY, THEN.plusSeconds(299)).valid()).isTrue();
    }

    @Test
    void otherSchemesAndGarbageAreSkippedNotFatal() {
        String header = "v1a,AAAA v1,!!notbase64 " + EXPECTED;
        assertThat(verify(List.of(SECRET), header, BODY, THEN).valid()).isTrue();
        assertThat(verify(List.of(SECRET), "v1a,AAAA", BODY, THEN).valid()).isFalse();
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(StandardWebhooks.keyOf(secret)).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
    }

    private static StandardWebhooks.Verification verify(List<String> secrets, String header, byte[] body, Instant now) {
        return StandardWebhooks.verify(secrets.stream().map(StandardWebhooks::keyOf).toList(), ID,
                Long.toString(TIMESTAMP), header, body, now, StandardWebhooks.DEFAULT_TOLERANCE);
    }

    /**
     * The verification algorithm as the Standard Webhooks specification (v1.0.0, "Verifying webhook
     * authenticity") states it, written apart from the implementation under test, on javax.crypto
     * alone: strip {@code whsec_} and base64-decode the key; check the timestamp is within 5 minutes;
     * HMAC-SHA256 {@code id.timestamp.body}; base64; accept if any space-delimited {@code v1,<sig>}
     * matches, compared in constant time.
     */
    static final class SpecVerifier {
        static boolean verify(String secret, String id, String timestamp, String header, byte[] body, Instant now) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                long ts = Long.parseLong(timestamp);
                if (Math.abs(now.getEpochSecond() - ts) > Duration.ofMinutes(5).toSeconds()) {
                    return false;
                }
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
                for (String versioned : header.split(" ")) {
                    String[] parts = versioned.split(",", 2);
                    if (parts.length == 2 && parts[0].equals("v1")
                            && MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII), expected)) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
