package dev.atelier.providers.webhooks;

import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderRequest;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;

/** A provider that takes webhooks: verifies one by its own scheme and says what it reports. */
public interface WebhookReceiver {

    String id();

    /** False when no secret (or keys) is configured: its webhooks are refused with 503, never trusted. */
    boolean webhooksConfigured();

    Verified verify(HttpHeaders headers, byte[] body, Instant now);

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
