package dev.atelier.generation.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A generation as the API shows it; {@code ranModel} is set when a fallback model ran (and priced it). */
@Schema(name = "Generation", requiredProperties = {"id", "status", "model", "kind", "prompt", "cost", "createdAt"})
record GenerationView(
        UUID id,
        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "canceled", "timed_out"})
        String status,
        String model,
        String ranModel,
        @Schema(allowableValues = {"image", "video", "music", "speech"})
        String kind,
        String prompt,
        Map<String, Object> params,
        List<UUID> inputAssetIds,
        Integer progress,
        List<OutputStore.OutputView> outputs,
        Cost cost,
        Error error,
        boolean late,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    @Schema(name = "GenerationCost")
    record Cost(long held, Long charged, Long released) {
    }

    @Schema(name = "GenerationError", requiredProperties = {"code", "message"})
    record Error(String code, String message) {
    }

    static GenerationView of(Generation g, List<OutputStore.OutputView> outputs) {
        return new GenerationView(g.id(), g.status().value(), g.model(), g.ranModel(), g.kind(), g.prompt(), g.params(),
                g.inputAssetIds(), g.progress(), outputs, new Cost(g.costHeld(), g.costCharged(), g.costReleased()),
                g.errorCode() == null ? null : new Error(g.errorCode(), g.errorMessage()), g.late(), g.createdAt(),
                g.startedAt(), g.finishedAt());
    }
}
