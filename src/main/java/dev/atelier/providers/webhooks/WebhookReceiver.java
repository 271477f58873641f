package dev.atelier.providers.webhooks;

import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.platform.signing.StandardWebhooks;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A provider that takes webhooks: verifies one by its own scheme and says what it reports. */
public interface WebhookReceiver {

    String id();

    /** False when no secret (or keys) is configured: its webhooks are refused with 503, never trusted. */
    boolean webhooksConfigured();

    Verified verify(HttpHeaders headers, byte[] body, Instant now);

    /**
     * A Standard Webhooks notice (OpenAI, Replicate): the signature checked with {@code webhooks},
     * the body read as JSON, then {@code read} says what it reports, given the delivery's
     * {@code webhook-id} (the same on the provider's retries) and the JSON.
     */
    static Verified standardWebhook(StandardWebhooks webhooks, HttpHeaders headers, byte[] body, Instant now,
            ObjectMapper json, BiFunction<String, JsonNode, Verified> read) {
        String messageId = headers.getFirst(StandardWebhooks.ID);
        StandardWebhooks.Verdict verdict = webhooks.verify(messageId, headers.getFirst(StandardWebhooks.TIMESTAMP),
                headers.getFirst(StandardWebhooks.SIGNATURE), body, now);
        if (!verdict.valid()) {
            return new Verified.Refused("invalid_signature", "The webhook signature did not verify (" + verdict + ")");
        }
        JsonNode notice;
        try {
            notice = json.readTree(body);
        } catch (RuntimeException e) {
            return new Verified.Ignored("not JSON");
        }
        return read.apply(messageId, notice);
    }

    /** What a verified webhook says, or why it was refused. */
    sealed interface Verified {

        /**
         * @param messageId the provider's id of this delivery (the same on its retries): replays are ignored
         * @param providerJobId the provider's id of the job it is about
         * @param result the job's result (may poll the provider when the notice carries only an id)
         */
        record Notice(String messageId, String providerJobId, Function<ProviderRequest, PollResult> result)
                implements Verified {
        }

        /** Verified, but about nothing Atelier waits on (another event type). */
        record Ignored(String why) implements Verified {
        }

        record Refused(String code, String message) implements Verified {
        }
    }
}
