package dev.atelier.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may be used for. A signed-in person (access token) holds every scope. */
public enum Scope {
    GENERATE("generate"),
    LIBRARY_READ("library:read"),
    LIBRARY_WRITE("library:write"),
    EDITOR("editor"),
    PROJECTS_READ("projects:read"),
    PROJECTS_WRITE("projects:write"),
    BILLING_READ("billing:read");

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
}
