package dev.atelier.media.library;

import dev.atelier.media.Asset;
import dev.atelier.media.AssetDeleted;
import dev.atelier.media.AssetKind;
import dev.atelier.media.Assets;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.NewAsset;
import dev.atelier.media.StorageUsage;
import dev.atelier.media.delivery.MediaUrls;
import dev.atelier.media.ingest.Container;
import dev.atelier.media.ingest.Inspector;
import dev.atelier.media.ingest.Spooler;
import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.media.storage.MediaDirectories;
import dev.atelier.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library: content goes spool → sniff and limit → decode and probe → blob store → row.
 * Each upload works in its own spool folder that is removed however it ends; blobs are written
 * before the row that owns them and removed after the row that owned them, so a crash can leave
 * an orphan blob (retention removes those) but never a row without its bytes.
 */
@Service
class AssetLibrary implements Assets {

    private static final Logger log = LoggerFactory.getLogger(AssetLibrary.class);

    private final Spooler spooler;
    private final Inspector inspector;
    private final BlobStore store;
    private final MediaDirectories directories;
    private final AssetRows rows;
    private final StorageQuota quota;
    private final MediaUrls urls;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MediaProperties.Limits limits;

    AssetLibrary(Spooler spooler, Inspector inspector, BlobStore store, MediaDirectories directories, AssetRows rows,
            StorageQuota quota, MediaUrls urls, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock, MediaProperties properties) {
        this.spooler = spooler;
        this.inspector = inspector;
        this.store = store;
        this.directories = directories;
        this.rows = rows;
        this.quota = quota;
        this.urls = urls;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.limits = properties.limits();
    }

    @Override
    public Asset store(NewAsset request, InputStream content) throws IOException {
        UUID id = UUID.randomUUID();
        Path work = Files.createDirectory(directories.spool().resolve(id.toString()));
        try (StorageQuota.Reservation reservation = quota.open(request.ownerId(), request.quotaEnforced())) {
            long started = System.nanoTime();
            Spooler.Spooled spooled = spooler.spool(content, work.resolve("content"),
                    container -> limitOf(request, container), reservation);
            long spooledAt = System.nanoTime();
            Inspector.Inspected inspected = inspector.inspect(spooled, request.expectedKind());
            long inspectedAt = System.nanoTime();
            if (request.sizeLimited() && spooled.bytes() > limits.of(inspected.kind())) {
                throw MediaRejected.tooLarge(inspected.kind(), limits.of(inspected.kind()));
            }
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Asset asset = new Asset(id, request.ownerId(), inspected.kind(), request.origin(), inspected.mediaType(),
                    spooled.bytes(), spooled.sha256(), inspected.width(), inspected.height(), inspected.durationMs(),
                    inspected.hasAudio(), Names.label(request.name()), inspected.thumbnailType(), now,
                    request.keepFor() == null ? null : now.plus(request.keepFor()));
            record(asset, spooled, inspected, reservation);
            log.info("Stored {} {} of {} bytes for {}: received in {} ms, decoded in {} ms, stored in {} ms",
                    asset.kind().value(), asset.id(), asset.bytes(), asset.ownerId(), millis(started, spooledAt),
                    millis(spooledAt, inspectedAt), millis(inspectedAt, System.nanoTime()));
            return asset;
        } finally {
            deleteRecursively(work);
        }
    }

    private void record(Asset asset, Spooler.Spooled spooled, Inspector.Inspected inspected,
            StorageQuota.Reservation reservation) throws IOException {
        try {
            store.put(BlobKeys.content(asset.id()), spooled.file(), asset.mediaType());
            if (inspected.thumbnail() != null) {
                store.put(BlobKeys.thumbnail(asset.id()), inspected.thumbnail(), inspected.thumbnailType());
            }
            transactions.executeWithoutResult(status -> {
                rows.insert(asset);
                reservation.settle(asset.bytes());
            });
            reservation.settled();
        } catch (IOException | RuntimeException e) {
            deleteBlobs(asset.id());
            throw e;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private Spooler.Limit limitOf(NewAsset request, Container container) {
        if (!request.sizeLimited()) {
            return Spooler.Limit.NONE;
        }
        AssetKind largest = container.kinds().stream().max(Comparator.comparingLong(limits::of)).orElseThrow();
        return new Spooler.Limit(largest, limits.of(largest));
    }

    @Override
    public Asset store(NewAsset asset, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return store(asset, in);
        }
    }

    @Override
    public Optional<Asset> find(UUID assetId) {
        return rows.find(assetId);
    }

    @Override
    public InputStream open(Asset asset) throws IOException {
        return store.open(BlobKeys.content(asset.id()));
    }

    @Override
    public URI contentUrl(Asset asset, boolean download) {
        return urls.content(asset, download);
    }

    @Override
    public Optional<URI> thumbnailUrl(Asset asset) {
        return urls.thumbnail(asset);
    }

    @Override
    public void pin(UUID assetId, String holder) {
        if (holder == null || holder.isBlank() || holder.length() > 200) {
            throw new IllegalArgumentException("a pin needs a holder of 1 to 200 characters");
        }
        if (!rows.pin(assetId, holder, clock.instant())) {
            throw ApiException.notFound("Asset");
        }
    }

    @Override
    public void unpin(UUID assetId, String holder) {
        rows.unpin(assetId, holder);
    }

    @Override
    public boolean inUse(UUID assetId) {
        return rows.pinned(assetId);
    }

    @Override
    public void delete(UUID assetId) {
        Asset deleted = transactions.execute(status -> {
            Asset asset = rows.lock(assetId).orElseThrow(() -> ApiException.notFound("Asset"));
            if (rows.pinned(assetId)) {
                throw new ApiException(HttpStatus.CONFLICT, "asset_in_use",
                        "Something still uses this asset (a project, for example); remove it there first");
            }
            remove(asset);
            return asset;
        });
        deleteBlobs(deleted.id());
    }

    /** Removes an expired asset unless something pinned it meanwhile; true when it was removed. */
    boolean expire(UUID assetId) {
        Asset removed = transactions.execute(status -> rows.lock(assetId)
                .filter(asset -> asset.expiresAt() != null && asset.expiresAt().isBefore(clock.instant()))
                .filter(asset -> !rows.pinned(assetId))
                .map(asset -> {
                    remove(asset);
                    return asset;
                })
                .orElse(null));
        if (removed == null) {
            return false;
        }
        deleteBlobs(removed.id());
        return true;
    }

    private void remove(Asset asset) {
        rows.delete(asset.id());
        quota.release(asset.ownerId(), asset.bytes());
        events.publishEvent(new AssetDeleted(asset.id(), asset.ownerId()));
    }

    @Override
    public StorageUsage usage(UUID ownerId) {
        return quota.usage(ownerId);
    }

    /** Best effort: a blob that cannot be removed now is an orphan retention removes later. */
    private void deleteBlobs(UUID assetId) {
        for (String key : new String[] {BlobKeys.content(assetId), BlobKeys.thumbnail(assetId)}) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete blob {}; retention will remove it as an orphan", key, e);
            }
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Could not delete {}; retention will", path, e);
                }
            });
        } catch (IOException e) {
            log.warn("Could not clean {}; retention will", directory, e);
        }
    }
}
