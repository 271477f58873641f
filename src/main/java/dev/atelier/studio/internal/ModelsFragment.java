package dev.atelier.studio.internal;

import dev.atelier.catalog.Availability;
import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.ModelKind;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's overview of the models on offer, loaded by htmx after the page shell: the same
 * for everyone (no prices or secrets), so it needs no sign-in and is rendered here, not from JSON.
 */
@Controller
@Hidden
class ModelsFragment {

    private final Catalog catalog;

    ModelsFragment(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/fragments/models")
    String models(org.springframework.ui.Model view) {
        List<OfferedModel> offered = catalog.all(200).stream()
                .filter(model -> model.enabled() && model.kind() != ModelKind.RENDER)
                .map(this::offered)
                .sorted(java.util.Comparator.comparing((OfferedModel m) -> !m.available())
                        .thenComparing(m -> !m.offline()).thenComparing(OfferedModel::id))
                .toList();
        view.addAttribute("models", offered);
        return "fragments/models";
    }

    private OfferedModel offered(dev.atelier.catalog.Model model) {
        Availability availability = catalog.availability(model);
        return new OfferedModel(model.id(), model.kind().value(), model.description(), "local".equals(model.provider()),
                availability.available(), availability.reason());
    }
}
