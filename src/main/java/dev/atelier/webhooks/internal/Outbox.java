package dev.atelier.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a fact into an event and one pending delivery per endpoint, scheduled on the delivery
 * workers, all in the caller's transaction. The body is serialized once, here, with the API's own
 * JSON settings, and stored: every attempt sends (and signs) exactly these bytes.
 */
@Component
public class Outbox {

    private final EndpointRows endpoints;
    private final DeliveryRows rows;
    private final DeliveryWorkers workers;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(EndpointRows endpoints, DeliveryRows rows, DeliveryWorkers workers, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.rows = rows;
        this.workers = workers;
        this.json = json;
        this.clock = clock;
    }

    /** See {@link dev.atelier.webhooks.Webhooks#record}. */
    @Transactional
    public Optional<String> record(String type, UUID owner, String factId, Object data) {
        List<UUID> subscribed = endpoints.subscribed(owner, type);
        if (subscribed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(send(type, owner, factId, data, subscribed).eventId());
    }

    record Sent(String eventId, List<UUID> deliveryIds) {
    }

    /** Records the event for exactly these endpoints (a test event goes to one, subscribed or not). */
    @Transactional
    Sent send(String type, UUID owner, String factId, Object data, List<UUID> endpointIds) {
        String id = eventId(type, factId);
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("timestamp", now.toString());
        body.put("data", data);
        if (!rows.insertMessage(id, owner, type, json.writeValueAsString(body), now)) {
            return new Sent(id, List.of()); // the same fact again: its deliveries exist already
        }
        List<UUID> deliveries = endpointIds.stream().map(endpoint -> {
            UUID delivery = UUID.randomUUID();
            rows.insertDelivery(delivery, id, endpoint, now);
            workers.schedule(delivery, now);
            return delivery;
        }).toList();
        return new Sent(id, deliveries);
    }

    /** {@code msg_} and 32 hex digits, the same for the same type and fact. */
    static String eventId(String type, String factId) {
        UUID derived = UUID.nameUUIDFromBytes((type + ":" + factId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + derived.toString().replace("-", "");
    }
}
