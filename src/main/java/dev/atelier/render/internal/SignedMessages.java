package dev.atelier.render.internal;

import dev.atelier.platform.Hmac;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.render.RenderProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing between a server and its render workers, with the one shared secret
 * ({@code atelier.render.worker-secret}): Standard Webhooks headers on requests and callbacks, a
 * table of message ids already acted on (a replay changes nothing), and signed upload links.
 * Fail closed: with workers configured, or this node a worker, and no secret, the node refuses to
 * start; without one every signed message is refused.
 */
@Component
class SignedMessages {

    private final StandardWebhooks webhooks;
    private final Hmac uploads;
    private final JdbcClient jdbc;
    private final Clock clock;

    SignedMessages(RenderProperties properties, JdbcClient jdbc, Clock clock) {
        String secret = properties.workerSecret();
        boolean needed = properties.remote() || properties.worker().enabled();
        if (needed && (secret == null || secret.isBlank())) {
            throw new IllegalStateException("atelier.render.worker-secret must be set when render workers are "
                    + "configured (atelier.render.workers) or this node is one (atelier.render.worker.enabled)");
        }
        this.webhooks = secret == null || secret.isBlank() ? null : new StandardWebhooks(secret);
        this.uploads = webhooks == null ? null
                : new Hmac(Hmac.sha256("render-upload\n" + secret));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    StandardWebhooks.Headers sign(byte[] body) {
        if (webhooks == null) {
            throw new IllegalStateException("no worker secret configured");
        }
        return webhooks.sign("msg_" + UUID.randomUUID(), clock.instant(), body);
    }

    StandardWebhooks.Verdict verify(String id, String timestamp, String signature, byte[] body) {
        return webhooks == null ? StandardWebhooks.Verdict.WRONG_SIGNATURE
                : webhooks.verify(id, timestamp, signature, body, clock.instant());
    }

    /** Remembers a message id; false when it was seen before (a replay: act on nothing). */
    boolean firstTime(String messageId) {
        jdbc.sql("delete from render_callbacks_seen where seen_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofMinutes(15)))).update();
        return jdbc.sql("insert into render_callbacks_seen (id, seen_at) values (:id, :now) on conflict do nothing")
                .param("id", messageId).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    String uploadQuery(UUID renderId, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return "exp=" + expires + "&sig=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(uploads.sign(renderId + "\n" + expires));
    }

    boolean uploadValid(UUID renderId, String exp, String sig) {
        if (uploads == null || exp == null || sig == null || !exp.matches("[0-9]{1,12}")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return uploads.verify(renderId + "\n" + exp, given) && clock.instant().getEpochSecond() <= Long.parseLong(exp);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
