package dev.atelier.webhooks.internal;

import java.time.Instant;
import java.util.UUID;

/** One try at delivering: what the receiver answered (or why there was no answer), and how long it took. */
record Attempt(
        UUID deliveryId,
        int attempt,
        boolean succeeded,
        Integer responseStatus,
        String error,
        int durationMs,
        String responseExcerpt,
        Instant attemptedAt) {
}
