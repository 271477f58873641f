package dev.atelier.accounts;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether accounts may still be served, for what outlives a request's authentication: signed
 * media links (the signature is their only credential) and open event streams. Read from the
 * database each time, so disabling an account takes effect at once on every node.
 */
public interface AccountStatus {

    /** False for a disabled or deleted account. */
    boolean active(UUID userId);

    /** Those of {@code userIds} that are disabled or gone. */
    Set<UUID> inactiveAmong(Collection<UUID> userIds);
}
