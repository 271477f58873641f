package dev.atelier.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The media library as other modules use it: everything Atelier keeps (uploads, model outputs,
 * renders) goes in through {@link #store} and out through signed URLs or {@link #open}.
 */
public interface Assets {

    /**
     * Streams {@code content} into storage and answers the new asset. The format is sniffed from
     * the bytes and confirmed by decoding; dimensions, duration and sound are probed; a
     * thumbnail is made. Nothing is left behind when it fails.
     *
     * @throws MediaRejected too large for its kind, over the quota (uploads), or not a supported
     *     and decodable image, video or audio file (or not of {@code asset.expectedKind()})
     */
    Asset store(NewAsset asset, InputStream content) throws IOException;

    /** {@link #store(NewAsset, InputStream)} from a file, which is left where it is. */
    Asset store(NewAsset asset, Path file) throws IOException;

    /** Any user's asset: callers acting for a user check ownership ({@code Ownership.require}). */
    Optional<Asset> find(UUID assetId);

    /** The bytes, e.g. for the render pipeline. */
    InputStream open(Asset asset) throws IOException;

    /** A URL that serves the bytes for a while (one hour by default) without further credentials. */
    URI contentUrl(Asset asset, boolean download);

    /** The same for the thumbnail (scaled image, poster frame or waveform), when there is one. */
    Optional<URI> thumbnailUrl(Asset asset);

    /**
     * Marks the asset as used by {@code holder} (e.g. {@code "project:<uuid>"}): retention keeps it
     * past its expiry and it cannot be deleted until every holder has let go. Idempotent.
     *
     * @throws dev.atelier.platform.ApiException 404 when there is no such asset
     */
    void pin(UUID assetId, String holder);

    /** Lets go of the asset for {@code holder}; letting go twice is no error. */
    void unpin(UUID assetId, String holder);

    /** Whether something holds the asset (so {@link #delete} would answer 409 {@code asset_in_use}). */
    boolean inUse(UUID assetId);

    /**
     * Deletes the asset, its blobs and its thumbnail, and gives its bytes back to the owner's quota.
     *
     * @throws dev.atelier.platform.ApiException 409 {@code asset_in_use} while it is pinned
     */
    void delete(UUID assetId);

    /** How much the user keeps, has in flight, and may keep. */
    StorageUsage usage(UUID ownerId);
}
