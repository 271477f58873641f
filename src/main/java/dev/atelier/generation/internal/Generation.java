package dev.atelier.generation.internal;

import dev.atelier.accounts.Owned;
import dev.atelier.generation.GenerationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A generation as stored. */
record Generation(
        UUID id,
        UUID ownerId,
        String model,
        String kind,
        String provider,
        String prompt,
        Map<String, Object> params,
        List<UUID> inputAssetIds,
        GenerationStatus status,
        Integer progress,
        String providerJobId,
        int attempts,
        Long pollIntervalMs,
        String price,
        UUID holdId,
        long costHeld,
        Long costCharged,
        Long costReleased,
        String errorCode,
        String errorMessage,
        boolean late,
        Instant deadline,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        List<UUID> outputs) implements Owned {

    String reference() {
        return "generation:" + id;
    }
}
