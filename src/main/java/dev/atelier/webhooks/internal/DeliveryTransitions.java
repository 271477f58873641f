package dev.atelier.webhooks.internal;

import dev.atelier.webhooks.WebhookEndpointDisabled;
import dev.atelier.webhooks.WebhookEventTypes;
import dev.atelier.webhooks.WebhooksProperties;
import dev.atelier.webhooks.internal.DeliveryStates.State;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an attempt and what follows from it, in one transaction: the delivery's next state
 * (asked of {@link DeliveryStates}), the endpoint's run of failures, and disabling it after a 410
 * or a long run of failures. The delivery row's compare-and-set on its attempt count decides when
 * two workers ran the same attempt (a revived execution): the second records nothing.
 */
@Component
class DeliveryTransitions {

    private final DeliveryRows rows;
    private final EndpointRows endpoints;
    private final Outbox outbox;
    private final RetrySchedule schedule;
    private final WebhooksProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryTransitions(DeliveryRows rows, EndpointRows endpoints, Outbox outbox, WebhooksProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.schedule = new RetrySchedule(properties);
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Records the answer to attempt {@code delivery.attempts() + 1}; answers when to try again. */
    @Transactional
    Optional<Instant> recorded(Delivery delivery, Endpoint endpoint, WebhookHttp.Answer answer, Instant attemptedAt) {
        Instant now = clock.instant();
        Attempt attempt = new Attempt(delivery.id(), delivery.attempts() + 1, answer.succeeded(), answer.status(),
                answer.error(), answer.durationMs(), answer.excerpt(), attemptedAt);
        Optional<Instant> next = answer.succeeded() || gone(answer) ? Optional.empty()
                : schedule.next(attempt.attempt(), delivery.runStartedAt(), now);
        State to = answer.succeeded() ? State.SUCCEEDED : next.isPresent() ? State.PENDING : State.FAILED;
        if (!DeliveryStates.allowed(delivery.status(), to) || !rows.recordAttempt(attempt, to, next.orElse(null))) {
            // another worker recorded this attempt: its outcome stands, and so does its schedule
            return rows.find(delivery.id()).filter(d -> d.status() == State.PENDING).map(Delivery::nextAttemptAt);
        }
        if (answer.succeeded()) {
            endpoints.succeeded(endpoint.id());
            return Optional.empty();
        }
        if (gone(answer)) {
            disable(endpoint, "gone", now);
            return Optional.empty();
        }
        Endpoint after = endpoints.failed(endpoint.id(), now).orElse(null);
        if (after != null && after.consecutiveFailures() >= properties.disableAfterFailures()
                && !after.failingSince().plus(properties.disableAfterFailingFor()).isAfter(now)) {
            disable(after, "failing", now);
            return Optional.empty();
        }
        return next;
    }

    /** pending → failed without an attempt: its endpoint is disabled or gone. */
    @Transactional
    void giveUp(Delivery delivery, String reason) {
        rows.giveUp(delivery.id(), reason, clock.instant());
    }

    /**
     * Stops delivering to the endpoint: it is disabled, its pending deliveries fail, and the user is
     * told (on the endpoint, by {@link WebhookEndpointDisabled}, and by a {@code webhook_endpoint.disabled}
     * event to their other endpoints that want it).
     */
    private void disable(Endpoint endpoint, String reason, Instant now) {
        if (!endpoints.disable(endpoint.id(), reason, now)) {
            return;
        }
        rows.giveUpAll(endpoint.id(), "endpoint_disabled", now);
        events.publishEvent(new WebhookEndpointDisabled(endpoint.id(), endpoint.ownerId(), reason));
        Endpoint disabled = endpoints.find(endpoint.id()).orElseThrow();
        outbox.record(WebhookEventTypes.ENDPOINT_DISABLED, endpoint.ownerId(), endpoint.id() + ":" + now,
                EndpointView.of(disabled, null, now));
    }

    private static boolean gone(WebhookHttp.Answer answer) {
        return answer.status() != null && answer.status() == 410;
    }
}
