package dev.atelier.editor;

import java.util.UUID;

/** A project is gone (its assets unpinned); published once, after the delete commits. */
public record ProjectDeleted(UUID projectId, UUID ownerId) {
}
