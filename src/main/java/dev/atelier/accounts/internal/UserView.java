package dev.atelier.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

@Schema(name = "User", requiredProperties = {"id", "email", "name", "role", "createdAt"})
record UserView(UUID id, String email, String name, @Schema(allowableValues = {"user", "admin"}) String role,
        boolean disabled, Instant createdAt) {

    static UserView of(UserRow user) {
        return new UserView(user.id(), user.email(), user.name(), user.role().value(), user.disabled(), user.createdAt());
    }
}
