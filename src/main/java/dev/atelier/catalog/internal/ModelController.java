package dev.atelier.catalog.internal;

import dev.atelier.accounts.AnyScope;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.ModelKind;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Filters;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.atelier.catalog.Quotation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The models anyone signed in may use, with their parameters and prices (the same for every caller). */
@RestController
@AnyScope
@Tag(name = "catalog", description = "The models on offer, their parameters and prices")
class ModelController {

    private final Catalog catalog;
    private final Cursors cursors;

    ModelController(Catalog catalog, Cursors cursors) {
        this.catalog = catalog;
        this.cursors = cursors;
    }

    @GetMapping("/api/v1/models")
    @Operation(operationId = "listModels", summary = "List the models on offer, optionally of one kind")
    Page<ModelView> list(
            @Parameter(description = "Only models that make this", schema = @Schema(allowableValues = {
                    "image", "video", "music", "speech", "render"})) @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        ModelKind kindFilter = Filters.oneOf("kind", kind, ModelKind.class);
        String scope = "models:" + kindFilter;
        PageRequest page = cursors.request(scope, limit, cursor);
        return cursors.page(scope, page, catalog.page(false, kindFilter, page), model -> List.of(model.id()))
                .map(model -> ModelView.of(model, catalog.availability(model)));
    }

    @Schema(name = "QuoteRequest")
    record QuoteRequest(@NotNull @Size(max = 10_000) String prompt,
            @Schema(description = "The model's parameters (see its `parameters`)") @Size(max = 50)
            Map<String, Object> params) {
    }

    @Schema(name = "Quote", requiredProperties = {"model", "params", "credits"})
    record QuoteView(String model,
            @Schema(description = "The parameters with every default filled in") Map<String, Object> params,
            @Schema(description = "The credits a submit of this request holds") long credits) {
    }

    @PostMapping(path = "/api/v1/models/{provider}/{name}/quote", produces = "application/json")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "quoteModel", summary = "Price a request before submitting it",
            description = "Checks the prompt and parameters against the model's rules and answers the credits a "
                    + "`submitGeneration` of the same request would hold. Moves no credits; the same for every caller.")
    @ApiResponse(responseCode = "400", description = "`validation_failed`: the prompt or a parameter breaks the "
            + "model's rules (see `errors`)")
    QuoteView quote(@PathVariable String provider, @PathVariable String name, @Valid @RequestBody QuoteRequest body) {
        String id = provider + "/" + name;
        catalog.find(id).filter(model -> model.enabled()).orElseThrow(() -> ApiException.notFound("Model"));
        return switch (catalog.quote(id, body.prompt(), body.params() == null ? Map.of() : body.params())) {
            case Quotation.Invalid invalid -> throw ApiException.badRequest("validation_failed",
                    "The request has invalid fields").with("errors", invalid.errors());
            case Quotation.Quote quote -> new QuoteView(quote.modelId(), quote.params(), quote.credits());
        };
    }

    @GetMapping("/api/v1/models/{provider}/{name}")
    @Operation(operationId = "getModel", summary = "Show one model: its parameters and price")
    ModelView one(@PathVariable String provider, @PathVariable String name) {
        return catalog.find(provider + "/" + name).filter(model -> model.enabled())
                .map(model -> ModelView.of(model, catalog.availability(model)))
                .orElseThrow(() -> ApiException.notFound("Model"));
    }
}
