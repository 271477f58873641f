package dev.atelier.accounts;

import dev.atelier.platform.ApiException;
import java.util.Optional;

/**
 * The one way to load what a caller owns: a missing resource and another user's resource are
 * the same 404, never a 403 and never the resource, so ids reveal nothing. Queries should also
 * filter by owner; this is the guard that makes forgetting to do so harmless.
 */
public final class Ownership {

    private Ownership() {
    }

    public static <T extends Owned> T require(CurrentUser user, Optional<T> found, String what) {
        return found.filter(resource -> resource.ownerId().equals(user.id()))
                .orElseThrow(() -> ApiException.notFound(what));
    }
}
