package dev.atelier.editor;

import dev.atelier.accounts.Owned;
import java.time.Instant;
import java.util.UUID;

/**
 * A project: a named timeline with its output settings. {@code version} grows by one with every
 * change and is the ETag; {@code timeline} always passed validation when it was stored (assets
 * can still vanish later: renders re-check them).
 */
public record Project(
        UUID id,
        UUID ownerId,
        String name,
        OutputSettings output,
        Timeline timeline,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Owned {

    /** See {@link Timeline#lengthMs()}. */
    public long lengthMs() {
        return timeline.lengthMs();
    }
}
