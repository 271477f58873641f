package dev.atelier.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Scope;
import dev.atelier.accounts.SignedInOnly;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@SignedInOnly
@Tag(name = "accounts")
class ApiKeyController {

    private static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    /** The longest a key may be made to live: a key is a long-lived secret; make a new one instead. */
    static final Duration MAX_LIFETIME = Duration.ofDays(2 * 366);
    private final ApiKeys keys;
    private final Cursors cursors;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, Cursors cursors, Clock clock) {
        this.keys = keys;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** The scope lists below name every {@link Scope} value (ScopesTest checks they stay in step). */
    @Schema(name = "NewApiKey")
    record NewKey(@NotBlank @Size(max = 100) String name,
            @ArraySchema(schema = @Schema(allowableValues = {"generate", "library:read", "library:write", "editor",
                    "projects:read", "projects:write", "webhooks", "billing:read", "account:read", "metrics:read"}), uniqueItems = true)
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 50) String> scopes,
            @Schema(description = "When the key stops working; never when absent") Instant expiresAt) {
    }

    @Schema(name = "ApiKeyRotation")
    record Rotation(@Schema(description = "How long the old key keeps working (default 24 h)")
            @Min(0) @Max(7 * 24 * 3600) Long graceSeconds) {
    }

    @Schema(name = "ApiKey", requiredProperties = {"id", "name", "prefix", "scopes", "createdAt"})
    record KeyView(UUID id, String name, String prefix,
            @ArraySchema(schema = @Schema(allowableValues = {"generate", "library:read", "library:write", "editor",
                    "projects:read", "projects:write", "webhooks", "billing:read", "account:read", "metrics:read"})) List<String> scopes,
            Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, UUID replacedBy,
            @Schema(description = "The secret: shown once, when the key is made or rotated") String key) {
        static KeyView of(ApiKeyRow row, String secret) {
            return new KeyView(row.id(), row.name(), row.prefix(), row.scopes().stream().map(Scope::value).toList(),
                    row.createdAt(), row.expiresAt(), row.revokedAt(), row.lastUsedAt(), row.replacedBy(), secret);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Make an API key with some scopes; its secret is shown once")
    @ApiResponse(responseCode = "400", description = "`unknown_scope`, `invalid_expiry`, `validation_failed`, or "
            + "another malformed request")
    @ApiResponse(responseCode = "409", description = "`too_many_api_keys`")
    ResponseEntity<KeyView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewKey body) {
        Instant now = clock.instant();
        if (body.expiresAt() != null && !body.expiresAt().isAfter(now)) {
            throw ApiException.badRequest("invalid_expiry", "expiresAt must be in the future");
        }
        if (body.expiresAt() != null && body.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.badRequest("invalid_expiry", "expiresAt may be at most two years from now")
                    .with("latest", now.plus(MAX_LIFETIME).toString());
        }
        ApiKeys.Created created = keys.create(user.id(), body.name().strip(), scopes(body.scopes()), body.expiresAt());
        return created(created);
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "The caller's API keys, newest first (no secrets)")
    Page<KeyView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        String scope = "api-keys:" + user.id();
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, keys.page(user.id(), page), key -> List.of(key.createdAt(), key.id()))
                .map(key -> KeyView.of(key, null));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key at once")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        keys.revoke(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "rotateApiKey", summary = "Replace an API key; the old one works for a grace period")
    @ApiResponse(responseCode = "409", description = "`api_key_inactive` (revoked or expired), "
            + "`api_key_already_rotated`, `too_many_api_keys`")
    ResponseEntity<KeyView> rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody(required = false) Rotation body) {
        Duration grace = body == null || body.graceSeconds() == null ? DEFAULT_GRACE : Duration.ofSeconds(body.graceSeconds());
        return created(keys.rotate(user.id(), id, grace));
    }

    private static ResponseEntity<KeyView> created(ApiKeys.Created created) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/api-keys/" + created.key().id()))
                .body(KeyView.of(created.key(), created.secret()));
    }

    private static Set<Scope> scopes(List<String> values) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.of(value).orElseThrow(() -> ApiException.badRequest("unknown_scope",
                    "Unknown scope '" + value + "'; known: " + Scope.known())));
        }
        return scopes;
    }
}
