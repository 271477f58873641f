package dev.atelier.render.internal;

import dev.atelier.media.Asset;
import dev.atelier.media.Assets;
import dev.atelier.platform.PlatformProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The media a render reads, as local files ffmpeg can seek in: one copy per content hash under
 * {@code <dataDir>/render/inputs}, made once (written aside, then moved in whole) and shared by
 * every render of every window that uses it, whichever blob store holds the original. Unused
 * copies are removed by the retention task.
 */
@Component
class Inputs {

    private final Assets assets;
    private final Path folder;
    private final Clock clock;

    Inputs(Assets assets, PlatformProperties platform, Clock clock) {
        this.assets = assets;
        this.folder = platform.dataDirectory().resolve("render").resolve("inputs");
        this.clock = clock;
    }

    /** The local file of an asset; a vanished blob is {@link RenderFailure} {@code asset_missing}. */
    Path file(Asset asset) throws RenderFailure {
        Path target = folder.resolve(asset.sha256());
        try {
            if (Files.exists(target)) {
                Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
                return target;
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, asset.sha256(), ".part");
            try (InputStream in = assets.open(asset)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new RenderFailure("asset_missing", "The asset " + asset.id() + " could not be read: " + e.getMessage(), e);
        }
    }

    void discard(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // retention removes it later
        }
    }

    /** Removes copies not used for {@code unused}; answers how many. */
    int removeUnused(Duration unused) {
        Instant before = clock.instant().minus(unused);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }
}
