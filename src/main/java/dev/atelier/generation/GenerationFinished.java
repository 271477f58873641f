package dev.atelier.generation;

import java.util.UUID;

/**
 * A generation ended: {@code succeeded} (also a late success after {@code timed_out}), {@code failed},
 * {@code canceled} or {@code timed_out}. Published synchronously inside the transaction that made
 * the change, so a listener that writes (webhook deliveries) commits or rolls back with it.
 *
 * @param status the state it ended in, as the API spells it
 * @param generation the generation as {@code GET /api/v1/generations/{id}} shows it (JSON-serializable)
 */
public record GenerationFinished(UUID generationId, UUID ownerId, String status, Object generation) {
}
