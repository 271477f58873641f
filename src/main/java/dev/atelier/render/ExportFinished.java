package dev.atelier.render;

import java.util.UUID;

/**
 * An export ended (succeeded, failed, canceled or timed out); published in the transaction that
 * ended it, so listeners hear it exactly when it happened.
 *
 * @param status succeeded | failed | canceled | timed_out
 * @param export the same view {@code GET /api/v1/exports/{id}} answers
 */
public record ExportFinished(UUID exportId, UUID ownerId, String status, Object export) {
}
