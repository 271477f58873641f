package dev.atelier.media.web;

import dev.atelier.media.Asset;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An asset as the API shows it, with signed links that work without a token (in an
 * {@code <img>}, a {@code <video>}) until the expiry each link carries.
 */
record AssetView(
        UUID id,
        String kind,
        String origin,
        String mediaType,
        long bytes,
        String sha256,
        Integer width,
        Integer height,
        Long durationMs,
        boolean hasAudio,
        String name,
        Instant createdAt,
        Instant expiresAt,
        URI url,
        URI thumbnailUrl) {

    static AssetView of(Asset asset, URI url, URI thumbnailUrl) {
        return new AssetView(asset.id(), asset.kind().value(), asset.origin().value(), asset.mediaType(),
                asset.bytes(), asset.sha256(), asset.width(), asset.height(), asset.durationMs(), asset.hasAudio(),
                asset.name(), asset.createdAt(), asset.expiresAt(), url, thumbnailUrl);
    }
}
