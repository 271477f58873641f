package dev.atelier.webhooks.internal;

import dev.atelier.accounts.Owned;
import dev.atelier.platform.signing.StandardWebhooks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A user's webhook endpoint as stored. */
record Endpoint(
        UUID id,
        UUID ownerId,
        String url,
        String description,
        List<String> events,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt) implements Owned {

    /** The keys that sign now: the current one, and the previous one during a rotation's overlap. */
    List<byte[]> signingKeys(Instant now) {
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(StandardWebhooks.keyOf(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            keys.add(StandardWebhooks.keyOf(previousSecret));
        }
        return keys;
    }
}
