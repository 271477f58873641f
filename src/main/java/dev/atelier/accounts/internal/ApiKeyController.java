package dev.atelier.accounts.internal;

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
class ApiKeyController {

    private static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    private final ApiKeys keys;
    private final Cursors cursors;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, Cursors cursors, Clock clock) {
        this.keys = keys;
        this.cursors = cursors;
        this.clock = clock;
    }

    record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 10) List<@NotBlank String> scopes,
            Instant expiresAt) {
    }

    record Rotation(@Min(0) @Max(7 * 24 * 3600) Long graceSeconds) {
    }

    record KeyView(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt, UUID replacedBy, String key) {
        static KeyView of(ApiKeyRow row, String secret) {
            return new KeyView(row.id(), row.name(), row.prefix(), row.scopes().stream().map(Scope::value).toList(),
                    row.createdAt(), row.expiresAt(), row.revokedAt(), row.lastUsedAt(), row.replacedBy(), secret);
        }
    }

    @PostMapping
    ResponseEntity<KeyView> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewKey body) {
        if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) {
            throw ApiException.badRequest("invalid_expiry", "expiresAt must be in the future");
        }
        ApiKeys.Created created = keys.create(user.id(), body.name().strip(), scopes(body.scopes()), body.expiresAt());
        return created(created);
    }

    @GetMapping
    Page<KeyView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        String scope = "api-keys:" + user.id();
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, keys.page(user.id(), page), key -> List.of(key.createdAt(), key.id()))
                .map(key -> KeyView.of(key, null));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        keys.revoke(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate")
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
                    "Unknown scope '" + value + "'; known: " + java.util.Arrays.stream(Scope.values())
                            .map(Scope::value).collect(java.util.stream.Collectors.joining(", ")))));
        }
        return scopes;
    }
}
