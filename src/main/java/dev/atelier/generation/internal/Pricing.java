package dev.atelier.generation.internal;

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

    record Priced(String kind, String provider, Map<String, Object> params, long quote, String priceSnapshot) {
    }

    /** An unknown or disabled model is 422 {@code unknown_model}; bad parameters 400 with field errors. */
    Priced price(String modelId, String prompt, Map<String, Object> params) {
        Model model = catalog.find(modelId).filter(Model::enabled).orElseThrow(() -> new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "unknown_model", "There is no model '" + modelId + "' on offer")
                .with("model", String.valueOf(modelId)));
        return switch (catalog.quote(modelId, prompt, params)) {
            case Quotation.Invalid invalid -> throw ApiException.badRequest("validation_failed",
                    "The request has invalid fields").with("errors", invalid.errors());
            case Quotation.Quote quote -> new Priced(model.kind().value(), model.provider(), quote.params(),
                    quote.credits(), snapshot(quote.price()));
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
