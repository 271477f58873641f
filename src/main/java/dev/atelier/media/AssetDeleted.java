package dev.atelier.media;

import java.util.UUID;

/** An asset is gone (deleted by its owner or removed by retention); published once per asset. */
public record AssetDeleted(UUID assetId, UUID ownerId) {
}
