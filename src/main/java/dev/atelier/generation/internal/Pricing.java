package dev.atelier.generation.internal;

import dev.atelier.catalog.Availability;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.PriceUnit;
import dev.atelier.catalog.Quotation;
import dev.atelier.catalog.Usage;
import dev.atelier.media.Asset;
import dev.atelier.platform.ApiException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The catalog as generation needs it: a request checked and quoted (what to hold, the price rule
 * to store with the job), and later the actual cost of what was produced by that stored rule.
 */
@Component
class Pricing {

    private final Catalog catalog;
    private final ObjectMapper json;

    Pricing(Catalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    record Priced(String kind, String provider, Map<String, Object> params, long quote, String priceSnapshot,
            Map<String, Integer> inputs) {
    }

    /** An unknown or disabled model is 422 {@code unknown_model}; bad parameters 400 with field errors. */
    Priced price(String modelId, String prompt, Map<String, Object> params) {
        Model model = catalog.find(modelId).filter(Model::enabled).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "unknown_model", "There is no model '" + modelId + "' on offer")
                .with("model", String.valueOf(modelId)));
        Availability availability = catalog.availability(model);
        if (!availability.available()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "model_unavailable",
                    "The model '" + modelId + "' is not available here: " + availability.reason())
                    .with("model", modelId);
        }
        return switch (catalog.quote(model, prompt, params)) {
            case Quotation.Invalid invalid -> throw ApiException.badRequest("validation_failed",
                    "The request has invalid fields").with("errors", invalid.errors());
            case Quotation.Quote quote -> new Priced(model.kind().value(), model.provider(), quote.params(),
                    quote.credits(), snapshot(quote.price()), model.inputs());
        };
    }

    /** Input assets must be of kinds the model takes, no more of each than it takes: never silently ignored. */
    void checkInputs(Priced priced, List<Asset> inputs) {
        Map<String, Long> counts = inputs.stream()
                .collect(Collectors.groupingBy(asset -> asset.kind().value(), Collectors.counting()));
        if (!inputs.isEmpty() && priced.inputs().isEmpty()) {
            throw ApiException.badRequest("inputs_not_accepted", "This model takes no input assets")
                    .with("accepted", priced.inputs());
        }
        counts.forEach((kind, count) -> {
            int max = priced.inputs().getOrDefault(kind, 0);
            if (count > max) {
                throw ApiException.badRequest("inputs_not_accepted", max == 0
                        ? "This model takes no " + kind + " inputs"
                        : "This model takes at most " + max + " " + kind + " input" + (max == 1 ? "" : "s"))
                        .with("accepted", priced.inputs());
            }
        });
    }

    String fallbackOf(String modelId) {
        return catalog.find(modelId).map(Model::fallbackModel).orElse(null);
    }

    String providerOf(String modelId) {
        return catalog.find(modelId).map(Model::provider).orElse("");
    }

    /** The quote of running a job on {@code fallback} instead: the job's parameters the fallback knows, its price. */
    Optional<Priced> fallback(Generation g, String fallbackId) {
        Model fallback = catalog.find(fallbackId).filter(Model::enabled).orElse(null);
        if (fallback == null || !fallback.kind().value().equals(g.kind()) || !catalog.availability(fallback).available()) {
            return Optional.empty();
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        fallback.parameters().forEach(rule -> {
            if (g.params().containsKey(rule.name())) {
                params.put(rule.name(), g.params().get(rule.name()));
            }
        });
        if (g.inputAssetIds().size() > fallback.inputs().values().stream().mapToInt(Integer::intValue).sum()) {
            return Optional.empty();
        }
        return switch (catalog.quote(fallback, g.prompt(), params)) {
            case Quotation.Invalid invalid -> Optional.empty();
            case Quotation.Quote quote -> Optional.of(new Priced(fallback.kind().value(), fallback.provider(),
                    quote.params(), quote.credits(), snapshot(quote.price()), fallback.inputs()));
        };
    }

    /** What the outputs cost by the price stored with the job, never more than was held. */
    long actualCost(Generation g, List<Asset> outputs) {
        PriceRule rule = rule(g.price());
        Usage produced = switch (rule.unit()) {
            case PER_OUTPUT -> Usage.outputs(outputs.size());
            case PER_SECOND -> Usage.seconds(BigDecimal.valueOf(outputs.stream()
                    .map(Asset::durationMs).filter(Objects::nonNull).mapToLong(Long::longValue).sum(), 3));
            case PER_1000_CHARACTERS -> Usage.characters(g.prompt().codePointCount(0, g.prompt().length()));
        };
        return rule.actualCost(produced, g.costHeld());
    }

    private String snapshot(PriceRule price) {
        return json.writeValueAsString(Map.of("unit", price.unit().value(), "credits", price.credits(),
                "minimum", price.minimum()));
    }

    private PriceRule rule(String snapshot) {
        JsonNode node = json.readTree(snapshot);
        return new PriceRule(PriceUnit.of(node.get("unit").asString()), node.get("credits").asLong(),
                node.get("minimum").asLong());
    }
}
