package dev.atelier.media;

/** How an asset came to be. */
public enum AssetOrigin {
    /** a person sent it through {@code POST /api/v1/uploads} */
    UPLOAD,
    /** a model made it */
    GENERATION,
    /** the editor rendered it */
    RENDER;

    public String value() {
        return name().toLowerCase();
    }

    public static AssetOrigin of(String value) {
        return valueOf(value.toUpperCase());
    }
}
