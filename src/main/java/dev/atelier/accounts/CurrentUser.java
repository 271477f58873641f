package dev.atelier.accounts;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the principal of every authenticated request. Controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser user}; its {@link #getName()} is the user id.
 *
 * @param apiKeyId the key used, or null when the caller signed in with an access token
 */
public record CurrentUser(UUID id, Role role, Set<Scope> scopes, UUID apiKeyId) implements Principal {

    public static CurrentUser signedIn(UUID id, Role role) {
        return new CurrentUser(id, role, EnumSet.allOf(Scope.class), null);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    /** The user id: what modules that cannot see accounts (idempotency, limits) key their rows by. */
    @Override
    public String getName() {
        return id.toString();
    }
}
