package dev.atelier.media;

/** What an asset holds. */
public enum AssetKind {
    IMAGE,
    VIDEO,
    AUDIO;

    public String value() {
        return name().toLowerCase();
    }

    public static AssetKind of(String value) {
        return valueOf(value.toUpperCase());
    }
}
