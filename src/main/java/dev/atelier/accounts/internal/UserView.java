package dev.atelier.accounts.internal;

import java.time.Instant;
import java.util.UUID;

record UserView(UUID id, String email, String name, String role, boolean disabled, Instant createdAt) {

    static UserView of(UserRow user) {
        return new UserView(user.id(), user.email(), user.name(), user.role().value(), user.disabled(), user.createdAt());
    }
}
