package dev.atelier.compat.internal;

import dev.atelier.catalog.Catalog;
import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.compat.CompatProperties;
import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an OpenAI model name means here: an alias from configuration, else an Atelier model id.
 * A name that means nothing, or a model of another kind, is OpenAI's 404 {@code model_not_found}.
 */
@Component
class ModelNames {

    private final Catalog catalog;
    private final CompatProperties properties;

    ModelNames(Catalog catalog, CompatProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** The catalog model behind {@code name}, or the first alias's model when no name was sent. */
    Model resolve(String name, ModelKind kind, String defaultName) {
        String asked = name == null || name.isBlank() ? defaultName : name.strip();
        String id = properties.aliases().getOrDefault(asked, asked);
        return catalog.find(id)
                .filter(model -> model.kind() == kind)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "model_not_found",
                        "The model '" + shorten(asked) + "' does not exist or is not a " + kind.value() + " model")
                        .with("param", "model"));
    }

    private static String shorten(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }
}
