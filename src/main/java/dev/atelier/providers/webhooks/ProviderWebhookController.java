package dev.atelier.providers.webhooks;

import dev.atelier.generation.ProviderCallbacks;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers' webhooks. Each is verified by its provider's scheme (Standard Webhooks for OpenAI
 * and Replicate, Ed25519 for fal) and refused with 503 when no secret is configured: never
 * trusted unsigned. A replayed delivery is acknowledged and ignored. What it reports goes to
 * the same exactly-once completion polling uses; polling goes on as the fallback.
 */
@RestController
@Tag(name = "providers")
class ProviderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);

    private final Map<String, WebhookReceiver> receivers;
    private final WebhookReceipts receipts;
    private final ProviderCallbacks callbacks;
    private final Clock clock;

    ProviderWebhookController(List<WebhookReceiver> receivers, WebhookReceipts receipts, ProviderCallbacks callbacks,
            Clock clock) {
        this.receivers = receivers.stream().collect(Collectors.toUnmodifiableMap(WebhookReceiver::id, Function.identity()));
        this.receipts = receipts;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    record Receipt(@Schema(allowableValues = {"delivered", "replay", "ignored", "unknown_job"}) String outcome) {
    }

    @ResponseStatus(HttpStatus.OK)
    @PostMapping(path = "/api/v1/webhooks/providers/{provider}", produces = "application/json")
    @Operation(summary = "Receive a model provider's signed webhook", operationId = "receiveProviderWebhook",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The provider's "
                    + "notice, exactly as signed", content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", description = "The provider's own shape"))))
    @ApiResponse(responseCode = "200", description = "Handled, or a replay acknowledged and ignored")
    @ApiResponse(responseCode = "401", description = "Bad, expired or missing signature",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such provider",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The provider's webhook secret is not configured",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Receipt> receive(@PathVariable String provider, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        WebhookReceiver receiver = receivers.get(provider);
        if (receiver == null) {
            throw ApiException.notFound("Provider");
        }
        if (!receiver.webhooksConfigured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "webhooks_not_configured",
                    "Webhooks from " + provider + " are not configured on this server");
        }
        Instant now = clock.instant();
        byte[] payload = body == null ? new byte[0] : body;
        return switch (receiver.verify(headers, payload, now)) {
            case WebhookReceiver.Verified.Refused refused -> throw new ApiException(HttpStatus.UNAUTHORIZED,
                    refused.code(), refused.message());
            case WebhookReceiver.Verified.Ignored ignored -> ResponseEntity.ok(new Receipt("ignored"));
            case WebhookReceiver.Verified.Notice notice -> ResponseEntity.ok(new Receipt(handle(provider, notice, now)));
        };
    }

    private String handle(String provider, WebhookReceiver.Verified.Notice notice, Instant now) {
        if (!receipts.first(provider, notice.messageId(), now)) {
            return "replay";
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            receipts.purge(now);
        }
        try {
            return callbacks.deliver(provider, notice.providerJobId(), notice.result()) ? "delivered" : "unknown_job";
        } catch (RuntimeException e) {
            receipts.forget(provider, notice.messageId()); // let the provider's retry through
            log.warn("Could not handle a {} webhook about job {}", provider, notice.providerJobId(), e);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "webhook_failed", "Try again later");
        }
    }
}
