package dev.atelier.media.library;

import dev.atelier.media.MediaProperties;
import dev.atelier.media.storage.BlobKeys;
import dev.atelier.media.storage.BlobStore;
import dev.atelier.media.storage.MediaDirectories;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What retention removes, in this order: expired assets nothing pins; reservations of uploads
 * that stopped moving; blobs no asset owns (older than {@code orphan-age}, so an upload between
 * writing its blob and its row is never mistaken for one); and spool folders nothing has written
 * to for as long. Each step is counted ({@code atelier.media.retention.removed{what}}) and logged;
 * a step that fails is logged and the others still run.
 */
@Component
public class MediaRetention {

    private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 100;

    private final AssetRows rows;
    private final AssetLibrary library;
    private final StorageQuota quota;
    private final BlobStore store;
    private final MediaDirectories directories;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration orphanAge;

    MediaRetention(AssetRows rows, AssetLibrary library, StorageQuota quota, BlobStore store,
            MediaDirectories directories, MeterRegistry meters, Clock clock, MediaProperties properties) {
        this.rows = rows;
        this.library = library;
        this.quota = quota;
        this.store = store;
        this.directories = directories;
        this.meters = meters;
        this.clock = clock;
        this.orphanAge = properties.orphanAge();
    }

    /** How many of each were removed in one run. */
    public record Report(int expiredAssets, int staleReservations, int orphanBlobs, int spoolFolders) {
        public boolean any() {
            return expiredAssets + staleReservations + orphanBlobs + spoolFolders > 0;
        }
    }

    /** Everything, the cluster's part and this node's spool (one node, tests). */
    public Report run() {
        Report shared = runShared();
        Report report = new Report(shared.expiredAssets(), shared.staleReservations(), shared.orphanBlobs(),
                sweepSpool());
        return report;
    }

    /** This node's spool folders nothing wrote to for {@code orphan-age}; every node sweeps its own. */
    public int sweepSpool() {
        Instant cutoff = clock.instant().minus(orphanAge);
        return step("spool_folders", () -> spoolFolders(cutoff));
    }

    /**
     * What lives in the database and the shared bucket, run by the {@code media-retention} task on
     * one node of the cluster at a time.
     */
    public Report runShared() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(orphanAge);
        Report report = new Report(
                step("expired_assets", () -> expiredAssets(now)),
                step("stale_reservations", () -> quota.releaseStale(cutoff)),
                step("orphan_blobs", () -> orphanBlobs(cutoff)),
                0);
        if (report.any()) {
            log.info("Media retention removed {} expired assets, {} stale upload reservations, {} orphan blobs"
                            + " and {} spool folders", report.expiredAssets(), report.staleReservations(),
                    report.orphanBlobs(), report.spoolFolders());
        }
        return report;
    }

    private interface Step {
        int run() throws IOException;
    }

    private int step(String what, Step step) {
        try {
            int removed = step.run();
            meters.counter("atelier.media.retention.removed", "what", what).increment(removed);
            return removed;
        } catch (IOException | RuntimeException e) {
            log.error("Media retention could not remove {}; trying again next run", what.replace('_', ' '), e);
            return 0;
        }
    }

    private int expiredAssets(Instant now) {
        int removed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<UUID> batch = rows.expired(now, BATCH);
            int before = removed;
            for (UUID id : batch) {
                if (library.expire(id)) {
                    removed++;
                }
            }
            if (batch.size() < BATCH || removed == before) {
                break; // all done, or only assets pinned since they were listed are left
            }
        }
        return removed;
    }

    private int orphanBlobs(Instant cutoff) throws IOException {
        AtomicInteger removed = new AtomicInteger();
        for (String prefix : List.of(BlobKeys.CONTENT, BlobKeys.THUMBNAIL)) {
            store.listOlderThan(prefix, cutoff, keys -> {
                List<UUID> ids = keys.stream().map(BlobKeys::assetOf).flatMap(Optional::stream).toList();
                Set<UUID> owned = new HashSet<>(rows.existing(ids));
                for (String key : keys) {
                    if (BlobKeys.assetOf(key).filter(owned::contains).isEmpty()) {
                        try {
                            store.delete(key);
                            removed.incrementAndGet();
                            log.debug("Removed orphan blob {}", key);
                        } catch (IOException | RuntimeException e) {
                            log.warn("Could not remove orphan blob {}", key, e);
                        }
                    }
                }
            });
        }
        return removed.get();
    }

    private int spoolFolders(Instant cutoff) throws IOException {
        int removed = 0;
        try (Stream<Path> entries = Files.list(directories.spool())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (lastWritten(entry).toInstant().isBefore(cutoff)) {
                    AssetLibrary.deleteRecursively(entry);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The newest write anywhere in the folder: a long upload keeps touching its spool file. */
    private static FileTime lastWritten(Path entry) throws IOException {
        try (Stream<Path> paths = Files.walk(entry)) {
            return paths.map(path -> {
                try {
                    return Files.getLastModifiedTime(path);
                } catch (IOException e) {
                    return FileTime.fromMillis(Long.MAX_VALUE); // vanished while looking: not stale
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(Long.MAX_VALUE));
        }
    }
}
