package dev.atelier.webhooks.internal;

import dev.atelier.webhooks.WebhooksProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: after {@code first-retry}, then each delay
 * {@code backoff-factor} times the one before, capped at {@code max-retry-delay}, each moved at
 * random by up to {@code jitter} either way (so endpoints that failed together are not retried
 * together); never after {@code retry-for} since the run of attempts began. With the defaults
 * (5 s × 4, at most 12 h, for 3 days): 5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h, then every
 * 12 h — 13 attempts in all.
 */
final class RetrySchedule {

    private final WebhooksProperties properties;
    private final DoubleSupplier random;

    RetrySchedule(WebhooksProperties properties) {
        this(properties, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetrySchedule(WebhooksProperties properties, DoubleSupplier random) {
        this.properties = properties;
        this.random = random;
    }

    /** The delay after failed attempt number {@code attempt} (1-based), before jitter. */
    Duration delayAfter(int attempt) {
        double seconds = properties.firstRetry().toMillis() / 1000.0
                * Math.pow(properties.backoffFactor(), Math.max(0, attempt - 1));
        long millis = (long) Math.min(seconds * 1000, properties.maxRetryDelay().toMillis());
        return Duration.ofMillis(millis);
    }

    /** When to try again after failed attempt {@code attempt}, or empty when the window is over. */
    Optional<Instant> next(int attempt, Instant runStartedAt, Instant now) {
        double spread = properties.jitter() * (2 * random.getAsDouble() - 1);
        long millis = Math.round(delayAfter(attempt).toMillis() * (1 + spread));
        Instant at = now.plusMillis(Math.max(0, millis));
        return at.isAfter(runStartedAt.plus(properties.retryFor())) ? Optional.empty() : Optional.of(at);
    }
}
