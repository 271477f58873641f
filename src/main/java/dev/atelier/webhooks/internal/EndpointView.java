package dev.atelier.webhooks.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as the API shows it. {@code secret} is there only in the answers to creating it and
 * rotating its secret; {@code disabledReason} ({@code gone}, {@code failing}, {@code manual}) says why
 * it no longer receives anything.
 */
record EndpointView(
        UUID id,
        String url,
        String description,
        List<String> events,
        String status,
        String disabledReason,
        Instant disabledAt,
        int consecutiveFailures,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        String secret) {

    static EndpointView of(Endpoint e, String secret, Instant now) {
        Instant previousUntil = e.previousSecretUntil() != null && now.isBefore(e.previousSecretUntil())
                ? e.previousSecretUntil() : null;
        return new EndpointView(e.id(), e.url(), e.description(), e.events(), e.enabled() ? "enabled" : "disabled",
                e.disabledReason(), e.disabledAt(), e.consecutiveFailures(), previousUntil, e.createdAt(),
                e.updatedAt(), secret);
    }
}
