package dev.atelier.generation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A generation as another module sees it.
 *
 * @param progress 0–100 while running, when the model reports it
 * @param outputs the library assets it made, in order (empty until it succeeded)
 */
public record GenerationJob(
        UUID id,
        String model,
        String kind,
        String prompt,
        Map<String, Object> params,
        GenerationStatus status,
        Integer progress,
        String errorCode,
        String errorMessage,
        List<UUID> outputs,
        Instant createdAt,
        Instant finishedAt) {

    public boolean ended() {
        return status.terminal();
    }
}
