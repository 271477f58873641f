package dev.atelier.webhooks;

import java.util.UUID;

/**
 * An endpoint was disabled by Atelier: it answered 410 Gone ({@code gone}) or failed too long
 * ({@code failing}). Published in the transaction that disabled it.
 */
public record WebhookEndpointDisabled(UUID endpointId, UUID ownerId, String reason) {
}
