package dev.atelier.accounts;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API key may be used for. A signed-in person (access token) holds every scope. Every
 * endpoint under {@code /api} declares what it needs ({@link RequiresScope}, {@link SignedInOnly},
 * {@link AdminOnly} or {@link AnyScope}); an endpoint that declares nothing is closed to API keys.
 * The full table of endpoints and scopes is in {@code docs/security.md}.
 */
public enum Scope {
    /** Submit, list, read, cancel and delete generations, and follow them on the event stream. */
    GENERATE("generate"),
    /** List and read assets, their content and thumbnails, and the storage usage. */
    LIBRARY_READ("library:read"),
    /** Upload and delete assets. */
    LIBRARY_WRITE("library:write"),
    /** The first name of the editor's scope, kept so keys made with it still load; grants nothing (use projects:*). */
    EDITOR("editor"),
    /** Read projects and timelines, their previews, frames and exports. */
    PROJECTS_READ("projects:read"),
    /** Create, change, duplicate and delete projects, and start previews and exports. */
    PROJECTS_WRITE("projects:write"),
    /** Manage webhook endpoints and read their deliveries. */
    WEBHOOKS("webhooks"),
    /** Read the credit balance and the ledger. */
    BILLING_READ("billing:read"),
    /** Read the account's own profile ({@code GET /api/v1/me}). */
    ACCOUNT_READ("account:read"),
    /** Read the operational endpoints ({@code /actuator} metrics and info); only an admin's key may use it. */
    METRICS_READ("metrics:read");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** Every scope's name, comma-separated, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "));
    }
}
