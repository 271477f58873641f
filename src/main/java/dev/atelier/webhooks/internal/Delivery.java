package dev.atelier.webhooks.internal;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one endpoint, with what its last attempt did. */
record Delivery(
        UUID id,
        String eventId,
        String eventType,
        UUID endpointId,
        DeliveryStates.State status,
        int attempts,
        Instant runStartedAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastResponseStatus,
        Integer lastDurationMs,
        String lastError,
        String lastResponseExcerpt,
        Instant createdAt) {
}
