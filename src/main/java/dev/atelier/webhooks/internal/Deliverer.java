package dev.atelier.webhooks.internal;

import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.webhooks.internal.DeliveryStates.State;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One attempt at one delivery, on a delivery worker: sign the stored body with the endpoint's
 * keys now (both during a rotation), POST it, and record what came back. Holds no database
 * connection while it waits for the receiver.
 */
@Component
class Deliverer {

    private final DeliveryRows rows;
    private final EndpointRows endpoints;
    private final DeliveryTransitions transitions;
    private final WebhookHttp http;
    private final WebhookUrls urls;
    private final Clock clock;

    Deliverer(DeliveryRows rows, EndpointRows endpoints, DeliveryTransitions transitions, WebhookHttp http,
            WebhookUrls urls, Clock clock) {
        this.rows = rows;
        this.endpoints = endpoints;
        this.transitions = transitions;
        this.http = http;
        this.urls = urls;
        this.clock = clock;
    }

    /** Attempts the delivery if it is due; answers when to come back (empty: never). */
    Optional<Instant> attempt(UUID deliveryId) {
        Delivery delivery = rows.find(deliveryId).orElse(null);
        if (delivery == null || delivery.status() != State.PENDING) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Endpoint endpoint = endpoints.find(delivery.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            transitions.giveUp(delivery, "endpoint_disabled");
            return Optional.empty();
        }
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
            return Optional.of(delivery.nextAttemptAt()); // woken early: keep to its time
        }
        byte[] body = rows.payload(delivery.eventId()).getBytes(StandardCharsets.UTF_8);
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = Map.of(
                StandardWebhooks.ID, delivery.eventId(),
                StandardWebhooks.TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.SIGNATURE, StandardWebhooks.signatureHeader(endpoint.signingKeys(now),
                        delivery.eventId(), timestamp, body));
        Optional<String> refused = urls.refusal(endpoint.url());
        WebhookHttp.Answer answer = refused.isPresent()
                ? new WebhookHttp.Answer(null, refused.get(), 0, null)
                : http.post(URI.create(endpoint.url()), headers, body);
        return transitions.recorded(delivery, endpoint, answer, now);
    }
}
