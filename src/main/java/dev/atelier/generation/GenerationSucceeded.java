package dev.atelier.generation;

import java.util.List;
import java.util.UUID;

/** A generation produced its outputs (stored in the media library as these assets). */
public record GenerationSucceeded(UUID generationId, UUID ownerId, String model, List<UUID> assetIds) {
}
