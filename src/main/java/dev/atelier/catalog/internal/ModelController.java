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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    @GetMapping("/api/v1/models/{provider}/{name}")
    @Operation(operationId = "getModel", summary = "Show one model: its parameters and price")
    ModelView one(@PathVariable String provider, @PathVariable String name) {
        return catalog.find(provider + "/" + name).filter(model -> model.enabled())
                .map(model -> ModelView.of(model, catalog.availability(model)))
                .orElseThrow(() -> ApiException.notFound("Model"));
    }
}
