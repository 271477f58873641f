package dev.atelier.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private final StandardWebhooks webhooks = new StandardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void matchesTheSpecificationsExample() {
        // the example of the Standard Webhooks specification and its reference libraries
        StandardWebhooks.Headers headers = webhooks.sign("msg_p5jXN8AQM9LWM0D4loKWxJek",
                Instant.ofEpochSecond(1614265330), BODY);
        assertThat(headers.signature()).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void acceptsItsOwnSignatureAmongOthers() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        StandardWebhooks.Headers h = webhooks.sign("msg_1", now, BODY);
        assertThat(webhooks.verify(h.id(), h.timestamp(), h.signature(), BODY, now)).isEqualTo(StandardWebhooks.Verdict.VALID);
        assertThat(webhooks.verify(h.id(), h.timestamp(), "v1,bm90IGl0 " + h.signature(), BODY, now.plusSeconds(299)))
                .isEqualTo(StandardWebhooks.Verdict.VALID);
    }

    @Test
    void refusesWhatWasChangedForgedLateOrLeftOut() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        StandardWebhooks.Headers h = webhooks.sign("msg_1", now, BODY);
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.verify(h.id(), h.timestamp(), h.signature(), changed, now)).isEqualTo(StandardWebhooks.Verdict.INVALID);
        assertThat(webhooks.verify("msg_2", h.timestamp(), h.signature(), BODY, now)).isEqualTo(StandardWebhooks.Verdict.INVALID);
        assertThat(webhooks.verify(h.id(), h.timestamp(), "v1,AAAA", BODY, now)).isEqualTo(StandardWebhooks.Verdict.INVALID);
        assertThat(webhooks.verify(h.id(), h.timestamp(), "v2," + h.signature().substring(3), BODY, now))
                .isEqualTo(StandardWebhooks.Verdict.INVALID);
        assertThat(webhooks.verify(h.id(), h.timestamp(), h.signature(), BODY, now.plus(Duration.ofMinutes(6))))
                .isEqualTo(StandardWebhooks.Verdict.EXPIRED);
        assertThat(webhooks.verify(h.id(), h.timestamp(), h.signature(), BODY, now.minus(Duration.ofMinutes(6))))
                .isEqualTo(StandardWebhooks.Verdict.EXPIRED);
        assertThat(webhooks.verify(null, h.timestamp(), h.signature(), BODY, now)).isEqualTo(StandardWebhooks.Verdict.MISSING);
        assertThat(webhooks.verify(h.id(), null, h.signature(), BODY, now)).isEqualTo(StandardWebhooks.Verdict.MISSING);
        assertThat(webhooks.verify(h.id(), h.timestamp(), null, BODY, now)).isEqualTo(StandardWebhooks.Verdict.MISSING);
        StandardWebhooks other = new StandardWebhooks("another secret of enough length");
        assertThat(other.verify(h.id(), h.timestamp(), h.signature(), BODY, now)).isEqualTo(StandardWebhooks.Verdict.INVALID);
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThatThrownBy(() -> new StandardWebhooks("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhooks(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhooks("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
