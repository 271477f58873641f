package dev.atelier.catalog;

import java.util.List;

/** A model on offer. Its id is {@code provider/name}, e.g. {@code local/sketch}. */
public record Model(String id, ModelKind kind, String provider, String name, String description, boolean enabled,
        int promptMaxLength, List<Parameter> parameters, PriceRule price) {
}
