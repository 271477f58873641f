package dev.atelier.webhooks.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import dev.atelier.webhooks.internal.DeliveryStates.State;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint's delivery log and manual redelivery. */
@RestController
@RequestMapping(path = "/api/v1/webhook-endpoints/{endpointId}/deliveries", produces = "application/json")
@RequiresScope(Scope.WEBHOOKS)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "404", description = "No such endpoint or delivery", content = @Content(mediaType = "application/problem+json"))
class DeliveryController {

    private static final int ATTEMPTS_SHOWN = 50;

    private final Endpoints endpoints;
    private final DeliveryRows rows;
    private final Cursors cursors;

    DeliveryController(Endpoints endpoints, DeliveryRows rows, Cursors cursors) {
        this.endpoints = endpoints;
        this.rows = rows;
        this.cursors = cursors;
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping
    @Operation(summary = "The endpoint's deliveries, newest first, each with its latest attempt",
            operationId = "listWebhookDeliveries")
    Page<DeliveryView> list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID endpointId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        endpoints.get(user, endpointId);
        State state = state(status);
        String scope = "webhook-deliveries:" + endpointId + ":" + state;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.page(endpointId, state, page), d -> List.of(d.createdAt(), d.id()))
                .map(d -> DeliveryView.of(d, null));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/{deliveryId}")
    @Operation(summary = "One delivery with its last 50 attempts", operationId = "getWebhookDelivery")
    DeliveryView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID endpointId,
            @PathVariable UUID deliveryId) {
        Delivery d = endpoints.delivery(user, endpointId, deliveryId);
        return DeliveryView.of(d, rows.attempts(d.id(), ATTEMPTS_SHOWN));
    }

    @PostMapping("/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a finished delivery again (same event id), as a new run of attempts",
            operationId = "redeliverWebhook")
    @ApiResponse(responseCode = "202", description = "Queued for delivery")
    @ApiResponse(responseCode = "409", description = "Still pending, or the endpoint is disabled",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DeliveryView> redeliver(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID endpointId,
            @PathVariable UUID deliveryId) {
        return accepted(endpointId, endpoints.redeliver(user, endpointId, deliveryId));
    }

    static ResponseEntity<DeliveryView> accepted(UUID endpointId, Delivery delivery) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/webhook-endpoints/" + endpointId + "/deliveries/" + delivery.id()))
                .body(DeliveryView.of(delivery, null));
    }

    private static State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return State.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "status must be one of pending, succeeded, failed");
        }
    }
}
