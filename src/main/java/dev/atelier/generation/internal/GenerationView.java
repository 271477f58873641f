package dev.atelier.generation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A generation as the API shows it; {@code ranModel} is set when a fallback model ran (and priced it). */
record GenerationView(
        UUID id,
        String status,
        String model,
        String ranModel,
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

    record Cost(long held, Long charged, Long released) {
    }

    record Error(String code, String message) {
    }

    static GenerationView of(Generation g, List<OutputStore.OutputView> outputs) {
        return new GenerationView(g.id(), g.status().value(), g.model(), g.ranModel(), g.kind(), g.prompt(), g.params(),
                g.inputAssetIds(), g.progress(), outputs, new Cost(g.costHeld(), g.costCharged(), g.costReleased()),
                g.errorCode() == null ? null : new Error(g.errorCode(), g.errorMessage()), g.late(), g.createdAt(),
                g.startedAt(), g.finishedAt());
    }
}
