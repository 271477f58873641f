package dev.atelier.catalog;

import dev.atelier.catalog.internal.CatalogRows;
import dev.atelier.catalog.internal.ModelCache;
import dev.atelier.catalog.internal.ParameterRules;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The models on offer, and the price of a request. Generation asks for a {@link Quotation.Quote}
 * (the credits to hold, the parameters to run with, the price to store with the job) and later
 * computes the actual cost from that stored {@link PriceRule} and what was produced.
 */
@Service
public class Catalog {

    /** The parameter a per-second price counts. */
    public static final String DURATION = "durationSeconds";

    private final CatalogRows rows;
    private final ModelCache models;
    private final List<ProviderAvailability> providers;

    Catalog(CatalogRows rows, ModelCache models, List<ProviderAvailability> providers) {
        this.rows = rows;
        this.models = models;
        this.providers = List.copyOf(providers);
    }

    /**
     * Whether {@code model} can run here: its provider is configured (asked of every
     * {@link ProviderAvailability}; with none registered, everything is available).
     */
    public Availability availability(Model model) {
        for (ProviderAvailability provider : providers) {
            var reason = provider.unavailable(model.provider());
            if (reason.isPresent()) {
                return Availability.no(reason.get());
            }
        }
        return Availability.YES;
    }

    public Optional<Model> find(String id) {
        return id == null ? Optional.empty() : models.find(id);
    }

    /** Every enabled model, by id, at most {@code max} of them. */
    public List<Model> all(int max) {
        List<Model> models = new java.util.ArrayList<>();
        PageRequest page = new PageRequest(100, List.of());
        while (models.size() < max) {
            List<Model> rows = page(false, null, page);
            models.addAll(rows.subList(0, Math.min(rows.size(), 100)));
            if (rows.size() <= 100) {
                break;
            }
            page = new PageRequest(100, List.of(rows.get(99).id()));
        }
        return models.size() > max ? List.copyOf(models.subList(0, max)) : List.copyOf(models);
    }

    /**
     * A page of models by id ({@code limit + 1} rows, see Cursors); only enabled ones unless {@code all},
     * only those of {@code kind} unless it is null.
     */
    public List<Model> page(boolean all, ModelKind kind, PageRequest page) {
        return rows.page(all, kind, page);
    }

    /**
     * Validates {@code prompt} and {@code params} against the model's rules and prices them. An
     * unknown model is 400 {@code unknown_model}, a disabled one 400 {@code model_disabled}.
     */
    public Quotation quote(String modelId, String prompt, Map<String, ?> params) {
        Model model = find(modelId).orElseThrow(() -> ApiException.badRequest("unknown_model",
                "There is no model " + modelId).with("model", String.valueOf(modelId)));
        return quote(model, prompt, params);
    }

    /**
     * {@link #quote(String, String, Map)} of a model the caller has just found (not read again: one
     * query fewer on each submit).
     */
    public Quotation quote(Model model, String prompt, Map<String, ?> params) {
        String modelId = model.id();
        if (!model.enabled()) {
            throw ApiException.badRequest("model_disabled", "The model " + modelId + " is switched off")
                    .with("model", modelId);
        }
        ParameterRules.Checked checked = ParameterRules.check(model, prompt, params);
        if (!checked.valid()) {
            return new Quotation.Invalid(checked.errors());
        }
        Usage usage = switch (model.price().unit()) {
            case PER_OUTPUT -> Usage.outputs(1);
            case PER_SECOND -> Usage.seconds(new BigDecimal(String.valueOf(checked.params().get(DURATION))));
            case PER_1000_CHARACTERS -> Usage.characters(prompt.codePointCount(0, prompt.length()));
        };
        return new Quotation.Quote(model.id(), checked.params(), usage, model.price(), model.price().cost(usage));
    }

    /** Changes a model's price and whether it is offered; null leaves a field as it is. Unknown is 404. */
    public Model change(String id, Long credits, Long minimum, Boolean enabled, UUID by) {
        Model changed = rows.change(id, credits, minimum, enabled, by).orElseThrow(() -> ApiException.notFound("Model"));
        models.forget(id); // at once here; other nodes hear the table's trigger
        return changed;
    }
}
