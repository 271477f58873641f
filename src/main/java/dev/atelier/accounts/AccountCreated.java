package dev.atelier.accounts;

import java.time.Instant;
import java.util.UUID;

/** A person signed up (or was created by the system); published once per account. */
public record AccountCreated(UUID userId, String email, Instant createdAt) {
}
