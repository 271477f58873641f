package dev.atelier.generation.internal;

import dev.atelier.accounts.Owned;
import dev.atelier.generation.GenerationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A generation as stored; {@code ranModel} is the fallback that ran instead of {@code model}, or null. */
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
        List<UUID> outputs,
        String ranModel) implements Owned {

    String reference() {
        return "generation:" + id;
    }

    /** This queued job as it is once started at {@code now}. */
    Generation running(Instant now) {
        return new Generation(id, ownerId, model, kind, provider, prompt, params, inputAssetIds, GenerationStatus.RUNNING,
                progress, providerJobId, attempts, pollIntervalMs, price, holdId, costHeld, costCharged, costReleased,
                errorCode, errorMessage, late, deadline, createdAt, now, finishedAt, now, outputs, ranModel);
    }

    /** This job with {@code outputs} as its outputs (recorded in the statement that read it, so not seen by it). */
    Generation withOutputs(List<UUID> outputs) {
        return new Generation(id, ownerId, model, kind, provider, prompt, params, inputAssetIds, status, progress,
                providerJobId, attempts, pollIntervalMs, price, holdId, costHeld, costCharged, costReleased, errorCode,
                errorMessage, late, deadline, createdAt, startedAt, finishedAt, updatedAt, List.copyOf(outputs), ranModel);
    }

    /** The model that runs the job: a fallback while the asked-for model's provider is down, else the asked-for one. */
    String modelToRun() {
        return ranModel != null ? ranModel : model;
    }
}
