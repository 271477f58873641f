package dev.atelier.compat.internal;

import dev.atelier.accounts.RequiresScope;
import dev.atelier.accounts.Scope;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.compat.CompatProperties;
import dev.atelier.platform.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models}: every model usable now (its provider configured) by its Atelier id, and every alias. */
@Hidden // described by OpenAI's API reference, not Atelier's (docs/openai-compatible.md)
@RestController
@RequiresScope(Scope.GENERATE)
class ModelsController {

    private static final int MAX_MODELS = 1000;
    private final Catalog catalog;
    private final CompatProperties properties;

    ModelsController(Catalog catalog, CompatProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    record OpenAiModel(String id, String object, long created, String owned_by) {
        static OpenAiModel of(String id, Model model) {
            return new OpenAiModel(id, "model", 0, model.provider());
        }
    }

    record ModelList(String object, List<OpenAiModel> data) {
    }

    @GetMapping(path = "/v1/models", produces = "application/json")
    ModelList list() {
        List<OpenAiModel> data = new ArrayList<>();
        for (Model model : catalog.all(MAX_MODELS)) {
            if (usable(model)) {
                data.add(OpenAiModel.of(model.id(), model));
            }
        }
        properties.aliases().forEach((alias, id) -> catalog.find(id).filter(this::usable)
                .ifPresent(model -> data.add(OpenAiModel.of(alias, model))));
        return new ModelList("list", data);
    }

    @GetMapping(path = "/v1/models/{model}", produces = "application/json")
    OpenAiModel get(@PathVariable String model) {
        return find(model).orElseThrow(() -> ApiException.notFound("Model").with("param", "model"));
    }

    @GetMapping(path = "/v1/models/{owner}/{name}", produces = "application/json")
    OpenAiModel get(@PathVariable String owner, @PathVariable String name) {
        return get(owner + "/" + name); // Atelier ids have a slash: local/sketch
    }

    private Optional<OpenAiModel> find(String name) {
        String id = properties.aliases().getOrDefault(name, name);
        return catalog.find(id).filter(this::usable).map(model -> OpenAiModel.of(name, model));
    }

    /** A generating model, switched on, its provider configured here: one a client can use now. */
    private boolean usable(Model model) {
        return model.kind() != ModelKind.RENDER && model.enabled() && catalog.availability(model).available();
    }

}
