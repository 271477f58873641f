package dev.atelier.webhooks.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/webhook-endpoints", produces = "application/json")
@RequiresScope(Scope.WEBHOOKS)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = "application/problem+json"))
class EndpointController {

    private final Endpoints endpoints;
    private final EndpointRows rows;
    private final Cursors cursors;
    private final Clock clock;

    EndpointController(Endpoints endpoints, EndpointRows rows, Cursors cursors, Clock clock) {
        this.endpoints = endpoints;
        this.rows = rows;
        this.cursors = cursors;
        this.clock = clock;
    }

    record NewEndpoint(
            @NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String url,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> events,
            @Size(max = 500) String description) {
    }

    record EndpointChanges(
            @Size(min = 1, max = WebhookUrls.MAX_LENGTH) String url,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) String> events,
            @Size(max = 500) String description,
            Boolean enabled) {
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a webhook endpoint; the answer shows its signing secret, once", operationId = "createWebhookEndpoint")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "Too many endpoints", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<EndpointView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewEndpoint body) {
        Endpoints.Created created = endpoints.create(user, body.url(), body.events(), body.description());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .body(EndpointView.of(created.endpoint(), created.secret(), clock.instant()));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping
    @Operation(summary = "List your webhook endpoints, newest first", operationId = "listWebhookEndpoints")
    Page<EndpointView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        String scope = "webhook-endpoints:" + user.id();
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, rows.page(user.id(), page), e -> List.of(e.createdAt(), e.id()))
                .map(e -> EndpointView.of(e, null, clock.instant()));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook endpoint", operationId = "getWebhookEndpoint")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json"))
    EndpointView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return EndpointView.of(endpoints.get(user, id), null, clock.instant());
    }

    @ResponseStatus(HttpStatus.OK)
    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change a webhook endpoint's URL, events, description, or enable it again", operationId = "updateWebhookEndpoint")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json"))
    EndpointView update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody EndpointChanges body) {
        return EndpointView.of(endpoints.update(user, id, body.url(), body.events(), body.description(), body.enabled()),
                null, clock.instant());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a webhook endpoint and its deliveries", operationId = "deleteWebhookEndpoint")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        endpoints.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.OK)
    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Give the endpoint a new signing secret (shown once); the old one also signs for 24 h",
            operationId = "rotateWebhookEndpointSecret")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json"))
    EndpointView rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Endpoints.Created rotated = endpoints.rotate(user, id);
        return EndpointView.of(rotated.endpoint(), rotated.secret(), clock.instant());
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event to this endpoint", operationId = "sendWebhookTestEvent")
    @ApiResponse(responseCode = "202", description = "Queued for delivery")
    @ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Endpoint disabled", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DeliveryView> test(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Delivery delivery = endpoints.sendTest(user, id);
        return DeliveryController.accepted(id, delivery);
    }
}
