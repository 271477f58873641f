package dev.atelier.media;

import dev.atelier.accounts.Owned;
import java.time.Instant;
import java.util.UUID;

/**
 * A file Atelier keeps: its bytes live in the blob store, this is what is known about them.
 * Everything here was measured from the bytes (the type sniffed and confirmed by decoding,
 * dimensions and duration probed); only {@code name} came from the sender, and it is a label.
 *
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @param width pixels, for images and videos
 * @param height pixels, for images and videos
 * @param durationMs for videos and audio
 * @param name the file name it was sent with (last path segment only), or null
 * @param thumbnailType media type of its thumbnail (a scaled image, a poster frame, a waveform), or null
 * @param expiresAt when retention may remove it (unless pinned); null means never
 */
public record Asset(
        UUID id,
        UUID ownerId,
        AssetKind kind,
        AssetOrigin origin,
        String mediaType,
        long bytes,
        String sha256,
        Integer width,
        Integer height,
        Long durationMs,
        boolean hasAudio,
        String name,
        String thumbnailType,
        Instant createdAt,
        Instant expiresAt) implements Owned {

    public boolean hasThumbnail() {
        return thumbnailType != null;
    }
}
