package dev.atelier.media.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.atelier.media.Asset;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An asset as the API shows it, with signed links that work without a token (in an
 * {@code <img>}, a {@code <video>}) until the expiry each link carries.
 */
@Schema(name = "Asset", requiredProperties = {"id", "kind", "origin", "mediaType", "createdAt", "url"})
record AssetView(
        UUID id,
        @Schema(allowableValues = {"image", "video", "audio"}) String kind,
        @Schema(allowableValues = {"upload", "generation", "render"}) String origin,
        String mediaType,
        long bytes,
        String sha256,
        Integer width,
        Integer height,
        Long durationMs,
        boolean hasAudio,
        String name,
        Instant createdAt,
        @Schema(description = "When retention may remove the asset; absent means it is kept until deleted. Uploads "
                + "expire (7 days after upload by default, `atelier.media.upload-retention`): they are inputs "
                + "for generations and projects, and an upload that something still uses (a project) is kept "
                + "past its expiry until it is let go. Model outputs and renders do not expire.")
        Instant expiresAt,
        @Schema(description = "A signed link to the bytes; works without a token until its `exp`") URI url,
        @Schema(description = "A signed link to the thumbnail, when there is one") URI thumbnailUrl) {

    static AssetView of(Asset asset, URI url, URI thumbnailUrl) {
        return new AssetView(asset.id(), asset.kind().value(), asset.origin().value(), asset.mediaType(),
                asset.bytes(), asset.sha256(), asset.width(), asset.height(), asset.durationMs(), asset.hasAudio(),
                asset.name(), asset.createdAt(), asset.expiresAt(), url, thumbnailUrl);
    }
}
