package dev.atelier.webhooks.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as the API shows it, with its latest attempt: {@code attempt} (how many so far),
 * {@code responseStatus}, {@code durationMs}, {@code attemptedAt}, {@code responseExcerpt} (the
 * first 1,000 characters of the answer) or {@code error} when there was no answer. One delivery
 * also lists its {@code attempts}, newest first.
 */
record DeliveryView(
        UUID id,
        String eventId,
        String eventType,
        String status,
        int attempt,
        Integer responseStatus,
        Integer durationMs,
        Instant attemptedAt,
        String error,
        String responseExcerpt,
        Instant nextAttemptAt,
        Instant createdAt,
        List<AttemptView> attempts) {

    record AttemptView(int attempt, String outcome, Integer responseStatus, String error, int durationMs,
            String responseExcerpt, Instant attemptedAt) {

        static AttemptView of(Attempt a) {
            return new AttemptView(a.attempt(), a.succeeded() ? "succeeded" : "failed", a.responseStatus(), a.error(),
                    a.durationMs(), a.responseExcerpt(), a.attemptedAt());
        }
    }

    static DeliveryView of(Delivery d, List<Attempt> attempts) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status().value(), d.attempts(),
                d.lastResponseStatus(), d.lastDurationMs(), d.lastAttemptAt(), d.lastError(), d.lastResponseExcerpt(),
                d.nextAttemptAt(), d.createdAt(), attempts == null ? null : attempts.stream().map(AttemptView::of).toList());
    }
}
