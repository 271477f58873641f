package dev.atelier.editor;

import java.util.Optional;
import java.util.UUID;

/** Projects as other modules (render) read them. */
public interface Projects {

    /** Any user's project: callers acting for a user check ownership ({@code Ownership.require}). */
    Optional<Project> find(UUID id);
}
