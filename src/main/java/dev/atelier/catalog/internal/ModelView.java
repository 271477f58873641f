package dev.atelier.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atelier.catalog.Availability;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.Parameter;
import dev.atelier.catalog.PriceRule;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A model as the API shows it. {@code inputs}: the input assets it takes (kind → how many at most; empty: none);
 * {@code available} false with {@code unavailableReason} when its provider is not configured here.
 */
@Schema(name = "Model", requiredProperties = {"id", "kind", "provider", "name", "parameters", "price", "inputs",
        "available"})
record ModelView(@Schema(example = "local/sketch") String id,
        @Schema(allowableValues = {"image", "video", "music", "speech", "render"}) String kind, String provider, String name,
        String description, boolean enabled, int promptMaxLength, List<ParameterView> parameters, PriceView price,
        Map<String, Integer> inputs, String fallbackModel, boolean available, String unavailableReason) {

    @Schema(name = "ModelParameter", requiredProperties = {"name", "type"})
    record ParameterView(String name,
            @Schema(allowableValues = {"int", "number", "string", "enum", "boolean"}) String type,
            BigDecimal min, BigDecimal max, List<String> values,
            @JsonProperty("default") Object defaultValue, boolean required, String description) {
    }

    @Schema(name = "ModelPrice", requiredProperties = "unit")
    record PriceView(@Schema(allowableValues = {"per_output", "per_second", "per_1000_characters"}) String unit,
            long credits, long minimum) {
        static PriceView of(PriceRule price) {
            return new PriceView(price.unit().value(), price.credits(), price.minimum());
        }
    }

    static ModelView of(Model model, Availability availability) {
        return new ModelView(model.id(), model.kind().value(), model.provider(), model.name(), model.description(),
                model.enabled(), model.promptMaxLength(),
                model.parameters().stream().map(ModelView::parameter).toList(), PriceView.of(model.price()),
                model.inputs(), model.fallbackModel(), availability.available(), availability.reason());
    }

    private static ParameterView parameter(Parameter p) {
        return new ParameterView(p.name(), p.type().value(), p.min(), p.max(), p.values().isEmpty() ? null : p.values(),
                p.defaultValue(), p.required(), p.description());
    }
}
