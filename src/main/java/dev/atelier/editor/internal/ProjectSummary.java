package dev.atelier.editor.internal;

import dev.atelier.editor.OutputSettings;
import java.time.Instant;
import java.util.UUID;

/** A project without its timeline: what the list shows. */
record ProjectSummary(UUID id, UUID ownerId, String name, OutputSettings output, long version, long lengthMs,
        Instant createdAt, Instant updatedAt) {
}
