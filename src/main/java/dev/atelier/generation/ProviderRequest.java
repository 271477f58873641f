package dev.atelier.generation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to generate: the model, the prompt, the validated parameters (with defaults filled in)
 * and the input assets; and where to report progress while {@code submit} works on it
 * ({@link ProgressReporter#NONE} when polling, or when nobody listens).
 */
public record ProviderRequest(UUID generationId, UUID ownerId, String model, String kind, String prompt,
        Map<String, Object> params, List<UUID> inputAssetIds, ProgressReporter progress) {

    public ProviderRequest {
        progress = progress == null ? ProgressReporter.NONE : progress;
    }

    public ProviderRequest(UUID generationId, UUID ownerId, String model, String kind, String prompt,
            Map<String, Object> params, List<UUID> inputAssetIds) {
        this(generationId, ownerId, model, kind, prompt, params, inputAssetIds, ProgressReporter.NONE);
    }

    public long seed() {
        Object seed = params.get("seed");
        return seed instanceof Number number ? number.longValue() : generationId.getMostSignificantBits();
    }

    public int intParam(String name, int fallback) {
        return params.get(name) instanceof Number number ? number.intValue() : fallback;
    }

    public String textParam(String name, String fallback) {
        return params.get(name) instanceof String text ? text : fallback;
    }

    public boolean flag(String name, boolean fallback) {
        return params.get(name) instanceof Boolean flag ? flag : fallback;
    }
}
