package dev.atelier.render.internal;

import dev.atelier.platform.PlatformProperties;
import dev.atelier.render.RenderProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rendered preview windows by key (a hash of everything that decides the window's picture and
 * sound): files under {@code <dataDir>/render/previews}, indexed in a table so retention can
 * remove the ones nobody asked for in a while. A file is moved in whole, so a reader never sees
 * half a segment; the same window rendered twice at once just replaces itself.
 */
@Component
class PreviewCache {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final JdbcClient jdbc;
    private final Path folder;
    private final RenderProperties properties;
    private final Clock clock;

    PreviewCache(JdbcClient jdbc, PlatformProperties platform, RenderProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.folder = platform.dataDirectory().resolve("render").resolve("previews");
        this.properties = properties;
        this.clock = clock;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Path> find(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(key + ".ts");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    boolean has(String key) {
        return find(key).isPresent();
    }

    /** Marks windows as used now, so retention keeps them. */
    void touch(Collection<String> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql("update render_preview_segments set last_used_at = :now where key in (:keys)")
                    .param("now", Timestamp.from(clock.instant())).param("keys", List.copyOf(keys)).update();
        }
    }

    void put(String key, Path rendered) throws IOException {
        Path target = folder.resolve(key + ".ts");
        long bytes = Files.size(rendered);
        // the row first: a crash in between leaves a row without a file (rendered again), never an unindexed file
        jdbc.sql("""
                insert into render_preview_segments (key, bytes, created_at, last_used_at) values (:key, :bytes, :now, :now)
                on conflict (key) do update set last_used_at = excluded.last_used_at, bytes = excluded.bytes
                """).param("key", key).param("bytes", bytes).param("now", Timestamp.from(clock.instant())).update();
        Files.move(rendered, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes windows unused for the retention period; answers how many. */
    int removeUnused() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.previewRetention()));
        List<String> keys = jdbc.sql("delete from render_preview_segments where last_used_at < :before returning key")
                .param("before", before).query(String.class).list();
        for (String key : keys) {
            try {
                Files.deleteIfExists(folder.resolve(key + ".ts"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jdbc.sql("delete from render_previews where created_at < :before and status <> 'running'")
                .param("before", before).update();
        return keys.size();
    }
}
