package dev.atelier.accounts.internal;

import dev.atelier.accounts.Scope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

record ApiKeyRow(UUID id, UUID userId, String name, String prefix, Set<Scope> scopes, Instant createdAt,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt, UUID replacedBy) {
}
