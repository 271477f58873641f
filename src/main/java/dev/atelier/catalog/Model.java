package dev.atelier.catalog;

import java.util.List;
import java.util.Map;

/**
 * A model on offer. Its id is {@code provider/name}, e.g. {@code local/sketch}.
 *
 * @param providerModel what the provider calls it (e.g. {@code black-forest-labs/flux-schnell}); null: the name
 * @param providerOptions fixed provider-side fields sent with every request of this model
 * @param inputs the input assets it takes: kind ({@code image}, {@code video}, {@code audio}) → how many at most;
 *     empty: it takes none
 * @param fallbackModel the model that runs instead while this one's provider is unavailable (breaker open), or null
 */
public record Model(String id, ModelKind kind, String provider, String name, String description, boolean enabled,
        int promptMaxLength, List<Parameter> parameters, PriceRule price, String providerModel,
        Map<String, Object> providerOptions, Map<String, Integer> inputs, String fallbackModel) {

    /** A model with no provider mapping, no inputs and no fallback (the offline and test models). */
    public Model(String id, ModelKind kind, String provider, String name, String description, boolean enabled,
            int promptMaxLength, List<Parameter> parameters, PriceRule price) {
        this(id, kind, provider, name, description, enabled, promptMaxLength, parameters, price, null, Map.of(),
                Map.of(), null);
    }

    /** What the provider calls this model. */
    public String providerModelOrName() {
        return providerModel != null ? providerModel : id.substring(id.indexOf('/') + 1);
    }

    /** How many input assets of {@code kind} it takes (0: none). */
    public int maxInputs(String kind) {
        return inputs.getOrDefault(kind, 0);
    }

    public String option(String name) {
        Object value = providerOptions.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
