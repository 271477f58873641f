package dev.atelier.catalog;

/** What a model makes. */
public enum ModelKind {
    IMAGE,
    VIDEO,
    MUSIC,
    SPEECH,
    /** not a model: the price of rendering a timeline (render/export) */
    RENDER;

    public String value() {
        return name().toLowerCase();
    }

    public static ModelKind of(String value) {
        return valueOf(value.toUpperCase());
    }
}
