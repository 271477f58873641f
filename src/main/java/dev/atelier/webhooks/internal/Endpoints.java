package dev.atelier.webhooks.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Ownership;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.signing.StandardWebhooks;
import dev.atelier.webhooks.WebhookEventTypes;
import dev.atelier.webhooks.WebhooksProperties;
import dev.atelier.webhooks.internal.DeliveryStates.State;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The use cases behind the API: endpoints, their secrets, test events and redeliveries. */
@Component
class Endpoints {

    record Created(Endpoint endpoint, String secret) {
    }

    private final EndpointRows rows;
    private final DeliveryRows deliveries;
    private final Outbox outbox;
    private final DeliveryWorkers workers;
    private final WebhookUrls urls;
    private final WebhooksProperties properties;
    private final Clock clock;

    Endpoints(EndpointRows rows, DeliveryRows deliveries, Outbox outbox, DeliveryWorkers workers, WebhookUrls urls,
            WebhooksProperties properties, Clock clock) {
        this.rows = rows;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.workers = workers;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Created create(CurrentUser user, String url, List<String> events, String description) {
        if (rows.count(user.id()) >= properties.maxEndpointsPerUser()) {
            throw ApiException.conflict("too_many_endpoints",
                    "At most " + properties.maxEndpointsPerUser() + " webhook endpoints per user")
                    .with("limit", properties.maxEndpointsPerUser());
        }
        String secret = StandardWebhooks.newSecret();
        Instant now = clock.instant();
        Endpoint endpoint = new Endpoint(UUID.randomUUID(), user.id(), urls.require(url), description,
                events(events), secret, null, null, true, null, null, 0, null, now, now);
        rows.insert(endpoint);
        return new Created(rows.find(endpoint.id()).orElseThrow(), secret);
    }

    Endpoint get(CurrentUser user, UUID id) {
        return Ownership.require(user, rows.find(id), "Webhook endpoint");
    }

    /** Changes what is given; {@code enabled: true} on a disabled endpoint starts its run of failures afresh. */
    @Transactional
    Endpoint update(CurrentUser user, UUID id, String url, List<String> events, String description, Boolean enabled) {
        Endpoint e = get(user, id);
        Instant now = clock.instant();
        rows.update(id, url == null ? e.url() : urls.require(url), description == null ? e.description() : description,
                events == null ? e.events() : events(events), now);
        if (Boolean.TRUE.equals(enabled) && !e.enabled()) {
            rows.enable(id, now);
        } else if (Boolean.FALSE.equals(enabled) && e.enabled()) {
            rows.disable(id, "manual", now);
            deliveries.giveUpAll(id, "endpoint_disabled", now);
        }
        return rows.find(id).orElseThrow();
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        get(user, id);
        rows.delete(id); // its deliveries go with it; their scheduled attempts find nothing and end
    }

    /** A new secret; the previous one keeps signing (as a second signature) for the overlap. */
    @Transactional
    Created rotate(CurrentUser user, UUID id) {
        get(user, id);
        String secret = StandardWebhooks.newSecret();
        Instant now = clock.instant();
        rows.rotate(id, secret, now.plus(properties.rotationOverlap()), now);
        return new Created(rows.find(id).orElseThrow(), secret);
    }

    /** Sends a {@code webhook.test} event to this endpoint alone. */
    @Transactional
    Delivery sendTest(CurrentUser user, UUID id) {
        Endpoint e = get(user, id);
        requireEnabled(e);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpointId", e.id());
        data.put("message", "A test event from Atelier");
        Outbox.Sent sent = outbox.send(WebhookEventTypes.TEST, user.id(), UUID.randomUUID().toString(), data,
                List.of(e.id()));
        return deliveries.find(sent.deliveryIds().getFirst()).orElseThrow();
    }

    Delivery delivery(CurrentUser user, UUID endpointId, UUID deliveryId) {
        get(user, endpointId);
        return deliveries.find(deliveryId).filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> ApiException.notFound("Delivery"));
    }

    /** A finished delivery is sent again, as a new run of attempts, under the same event id. */
    @Transactional
    Delivery redeliver(CurrentUser user, UUID endpointId, UUID deliveryId) {
        Delivery d = delivery(user, endpointId, deliveryId);
        requireEnabled(get(user, endpointId));
        if (d.status() == State.PENDING || !DeliveryStates.allowed(d.status(), State.PENDING)
                || !deliveries.redeliver(deliveryId, clock.instant())) {
            throw ApiException.conflict("delivery_pending", "The delivery is still being attempted")
                    .with("nextAttemptAt", d.nextAttemptAt());
        }
        workers.schedule(deliveryId, clock.instant());
        return deliveries.find(deliveryId).orElseThrow();
    }

    private static void requireEnabled(Endpoint e) {
        if (!e.enabled()) {
            throw ApiException.conflict("endpoint_disabled", "The endpoint is disabled; enable it first")
                    .with("disabledReason", e.disabledReason());
        }
    }

    private static List<String> events(List<String> events) {
        for (String type : events) {
            if (!WebhookEventTypes.SUBSCRIBABLE.contains(type)) {
                throw ApiException.badRequest("unknown_event_type", "Unknown event type '" + type + "'; known: "
                        + String.join(", ", WebhookEventTypes.SUBSCRIBABLE));
            }
        }
        return events.stream().distinct().toList();
    }
}
