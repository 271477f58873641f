package dev.atelier.accounts.internal;

import dev.atelier.accounts.Role;
import java.time.Instant;
import java.util.UUID;

record UserRow(UUID id, String email, String name, String passwordHash, Role role, boolean disabled,
        Instant createdAt) {
}
