package dev.atelier.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.signing.StandardWebhooks.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    final StandardWebhooks webhooks = new StandardWebhooks(SECRET);

    @Test
    void theReferenceTestVectorVerifies() {
        assertThat(webhooks.signature(ID, TS, BODY)).isEqualTo(EXPECTED);
        assertThat(webhooks.verify(ID, String.valueOf(TS), EXPECTED, BODY, Instant.ofEpochSecond(TS + 10)))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() {
        assertThat(webhooks.verify(ID, String.valueOf(TS), "v1,bm90IGl0 v1a,xyz " + EXPECTED, BODY,
                Instant.ofEpochSecond(TS))).isEqualTo(Verdict.VALID);
    }

    @Test
    void aChangedBodyOrIdIsRefused() {
        assertThat(webhooks.verify(ID, String.valueOf(TS), EXPECTED, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(TS))).isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(webhooks.verify("msg_other", String.valueOf(TS), EXPECTED, BODY, Instant.ofEpochSecond(TS)))
                .isEqualTo(Verdict.WRONG_SIGNATURE);
    }

    @Test
    void timestampsOutsideFiveMinutesEitherWayAreRefused() {
        assertThat(webhooks.verify(ID, String.valueOf(TS), EXPECTED, BODY, Instant.ofEpochSecond(TS + 301)))
                .isEqualTo(Verdict.EXPIRED);
        assertThat(webhooks.verify(ID, String.valueOf(TS), EXPECTED, BODY, Instant.ofEpochSecond(TS - 301)))
                .isEqualTo(Verdict.EXPIRED);
        assertThat(webhooks.verify(ID, "yesterday", EXPECTED, BODY, Instant.ofEpochSecond(TS)))
                .isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    @Test
    void missingHeadersAreRefused() {
        assertThat(webhooks.verify(null, String.valueOf(TS), EXPECTED, BODY, Instant.ofEpochSecond(TS)))
                .isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(webhooks.verify(ID, String.valueOf(TS), null, BODY, Instant.ofEpochSecond(TS)))
                .isEqualTo(Verdict.MISSING_HEADERS);
    }
}
