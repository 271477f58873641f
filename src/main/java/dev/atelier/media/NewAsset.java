package dev.atelier.media;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * What a caller says about content it hands to {@link Assets#store}: whose it is and where it
 * came from. Nothing here decides the type; the bytes do.
 *
 * @param name a label (e.g. the uploaded file's name); never used in a path
 * @param expectedKind when set, content of another kind is refused as unsupported
 * @param keepFor how long to keep it unless pinned; null keeps it until deleted
 */
public record NewAsset(UUID ownerId, AssetOrigin origin, String name, AssetKind expectedKind, Duration keepFor) {

    public NewAsset {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(origin, "origin");
    }

    /** A model's output, kept until deleted. */
    public static NewAsset generated(UUID ownerId, AssetKind expectedKind, String name) {
        return new NewAsset(ownerId, AssetOrigin.GENERATION, name, expectedKind, null);
    }

    /** A rendered video, kept for {@code keepFor} unless something pins it (null: until deleted). */
    public static NewAsset rendered(UUID ownerId, String name, Duration keepFor) {
        return new NewAsset(ownerId, AssetOrigin.RENDER, name, AssetKind.VIDEO, keepFor);
    }

    /** An upload, kept for {@code keepFor} unless something pins it. */
    public static NewAsset upload(UUID ownerId, String name, Duration keepFor) {
        return new NewAsset(ownerId, AssetOrigin.UPLOAD, name, null, keepFor);
    }

    /**
     * Uploads and model outputs (fetched from a provider, as untrusted as an upload) are held to
     * the per-kind size limits; renders come from Atelier's own ffmpeg and are bounded by it.
     */
    public boolean sizeLimited() {
        return origin != AssetOrigin.RENDER;
    }

    /**
     * Only uploads are refused for the quota: generated and rendered files were paid for, and
     * refusing them after the fact would lose paid work. They still count towards usage.
     */
    public boolean quotaEnforced() {
        return origin == AssetOrigin.UPLOAD;
    }
}
