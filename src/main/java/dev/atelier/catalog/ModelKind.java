package dev.atelier.catalog;

/** What a model makes. */
public enum ModelKind {
    IMAGE,
    VIDEO,
    MUSIC,
    SPEECH;

    public String value() {
        return name().toLowerCase();
    }

    public static ModelKind of(String value) {
        return valueOf(value.toUpperCase());
    }
}
