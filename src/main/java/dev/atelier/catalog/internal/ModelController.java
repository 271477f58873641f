package dev.atelier.catalog.internal;

import dev.atelier.catalog.Catalog;
import dev.atelier.platform.ApiException;
import dev.atelier.platform.Cursors;
import dev.atelier.platform.Page;
import dev.atelier.platform.PageRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The models anyone signed in may use, with their parameters and prices. */
@RestController
class ModelController {

    private final Catalog catalog;
    private final Cursors cursors;

    ModelController(Catalog catalog, Cursors cursors) {
        this.catalog = catalog;
        this.cursors = cursors;
    }

    @GetMapping("/api/v1/models")
    Page<ModelView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        PageRequest page = cursors.request("models", limit, cursor);
        return cursors.page("models", page, catalog.page(false, page), model -> List.of(model.id()))
                .map(model -> ModelView.of(model, catalog.availability(model)));
    }

    @GetMapping("/api/v1/models/{provider}/{name}")
    ModelView one(@PathVariable String provider, @PathVariable String name) {
        return catalog.find(provider + "/" + name).filter(model -> model.enabled())
                .map(model -> ModelView.of(model, catalog.availability(model)))
                .orElseThrow(() -> ApiException.notFound("Model"));
    }
}
