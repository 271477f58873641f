package dev.atelier.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The body of {@code POST /api/v1/generations}, built up in tests. */
public record NewGeneration(String model, String prompt, Map<String, Object> params, List<String> inputAssetIds) {

    public static NewGeneration of(String model, String prompt) {
        return new NewGeneration(model, prompt, Map.of(), List.of());
    }

    /** A scripted job with a prompt of its own, so its script cannot meet another test's. */
    public static NewGeneration scripted(String name) {
        return of(ScriptedProvider.MODEL, name + " " + UUID.randomUUID());
    }

    public NewGeneration with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new NewGeneration(model, prompt, Map.copyOf(more), inputAssetIds);
    }

    public NewGeneration inputs(String... assetIds) {
        return new NewGeneration(model, prompt, params, List.of(assetIds));
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("prompt", prompt);
        if (!params.isEmpty()) {
            body.put("params", params);
        }
        if (!inputAssetIds.isEmpty()) {
            body.put("inputAssetIds", inputAssetIds);
        }
        return body;
    }
}
