package dev.atelier.render.internal;

import dev.atelier.media.SharedFiles;
import dev.atelier.platform.PlatformProperties;
import dev.atelier.render.RenderProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rendered preview windows by key (a hash of everything that decides the window's picture and
 * sound), kept in the shared store ({@link SharedFiles}: the bucket on a cluster, a local file on
 * one node without one) so every node serves every window. The table is the truth: a window is
 * ready once its row says it is stored, so a playlist never asks the store. A blob is put in
 * whole, so a reader never sees half a segment; the same window rendered twice at once just
 * replaces itself. Retention removes rows and blobs once per cluster (the render sweeper).
 */
@Component
class PreviewCache {

    private static final Logger log = LoggerFactory.getLogger(PreviewCache.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final JdbcClient jdbc;
    private final SharedFiles shared;
    private final RenderProperties properties;
    private final Clock clock;

    PreviewCache(JdbcClient jdbc, SharedFiles shared, PlatformProperties platform, RenderProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.shared = shared;
        this.properties = properties;
        this.clock = clock;
        removeLegacyFolder(platform.dataDirectory().resolve("render").resolve("previews"));
    }

    /** The windows among {@code keys} that are stored (one query). */
    Set<String> ready(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select key from render_preview_segments where key in (:keys) and stored_at is not null")
                .param("keys", List.copyOf(new HashSet<>(keys))).query(String.class).list());
    }

    boolean has(String key) {
        return KEY.matcher(key).matches() && ready(List.of(key)).contains(key);
    }

    /** How many of the windows, from the first on, are ready: what a playlist may list. */
    int readyFromStart(List<String> windows) {
        Set<String> ready = ready(windows);
        int n = 0;
        while (n < windows.size() && ready.contains(windows.get(n))) {
            n++;
        }
        return n;
    }

    /** Marks windows as used now, so retention keeps them. */
    void touch(Collection<String> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql("update render_preview_segments set last_used_at = :now where key in (:keys)")
                    .param("now", Timestamp.from(clock.instant())).param("keys", List.copyOf(keys)).update();
        }
    }

    void put(String key, Path rendered) throws IOException {
        long bytes = Files.size(rendered);
        Timestamp now = Timestamp.from(clock.instant());
        // the row first: a crash before the blob is stored leaves a row retention removes with its blob, never an unindexed blob
        jdbc.sql("""
                insert into render_preview_segments (key, bytes, created_at, last_used_at) values (:key, :bytes, :now, :now)
                on conflict (key) do update set last_used_at = excluded.last_used_at
                """).param("key", key).param("bytes", bytes).param("now", now).update();
        shared.putKeyed(key, rendered);
        // an upsert again: retention may have removed the row meanwhile (it is new, so hardly; never leave a blob unindexed)
        jdbc.sql("""
                insert into render_preview_segments (key, bytes, created_at, last_used_at, stored_at)
                values (:key, :bytes, :now, :now, :now)
                on conflict (key) do update set bytes = excluded.bytes, stored_at = excluded.stored_at
                """).param("key", key).param("bytes", bytes).param("now", now).update();
    }

    /** A stored window to serve: its size and where its bytes come from. */
    record Segment(long bytes, Path file, InputStream stream) implements AutoCloseable {

        void writeTo(OutputStream out) throws IOException {
            if (file != null) {
                Files.copy(file, out);
            } else {
                stream.transferTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
        }
    }

    /**
     * The stored window: the file itself when the shared store is this machine's disk, else a stream
     * from the bucket; empty when it is not (or no longer) there.
     */
    Optional<Segment> open(String key) throws IOException {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Optional<Path> local = shared.localKeyed(key);
        if (local.isPresent()) {
            try {
                return Optional.of(new Segment(Files.size(local.get()), local.get(), null));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
        Optional<Long> size = shared.sizeKeyed(key);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Segment(size.get(), null, shared.openKeyed(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Removes windows unused for the retention period, rows and blobs (once per cluster); answers how many. */
    int removeUnused() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.previewRetention()));
        List<String> keys = jdbc.sql("delete from render_preview_segments where last_used_at < :before returning key")
                .param("before", before).query(String.class).list();
        for (String key : keys) {
            shared.deleteKeyed(key);
        }
        jdbc.sql("delete from render_previews where created_at < :before and status <> 'running'")
                .param("before", before).update();
        return keys.size();
    }

    /** Windows used to be files in {@code <dataDir>/render/previews}; they are rendered again into the shared store. */
    private static void removeLegacyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            log.info("Removed the node-local preview folder {} (windows now live in the shared store)", folder);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove the old preview folder {}", folder, e);
        }
    }
}
