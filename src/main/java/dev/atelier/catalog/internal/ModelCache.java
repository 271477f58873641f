package dev.atelier.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.catalog.Model;
import dev.atelier.platform.database.Notifications;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The models this node has read, so that a submit does not read its model again (issue 16: one
 * query and one JSON parse fewer per submit). A change still reaches every node at once: a trigger
 * on {@code catalog_models} sends {@value #CHANNEL} at commit, whoever wrote the row (Atelier, a
 * migration, an operator in psql), and each node forgets that model when it hears it. Nothing is
 * kept while this node's listener is not connected, and everything is forgotten each time it starts
 * listening again, since what was sent meanwhile is lost. Unknown ids are not kept (a model added
 * later is found at once).
 */
@Component
public class ModelCache {

    static final String CHANNEL = "catalog_changed";

    private final CatalogRows rows;
    private final Notifications notifications;
    private final Cache<String, Model> models = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Counts what was forgotten: a read that overlapped a change must not keep what it read. */
    private final AtomicLong changes = new AtomicLong();

    ModelCache(CatalogRows rows, Notifications notifications) {
        this.rows = rows;
        this.notifications = notifications;
        notifications.subscribe(CHANNEL, this::forget, this::forgetAll);
    }

    public Optional<Model> find(String id) {
        if (!notifications.connected()) {
            return rows.find(id);
        }
        Model kept = models.getIfPresent(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        long seen = changes.get();
        Optional<Model> read = rows.find(id);
        if (read.isPresent()) {
            models.put(id, read.get());
            if (changes.get() != seen) { // a change was heard while reading: what was read may be older
                models.invalidate(id);
            }
        }
        return read;
    }

    /** Forgets {@code id} on this node at once (after this node changed it; the others hear the trigger). */
    public void forget(String id) {
        changes.incrementAndGet();
        models.invalidate(id);
    }

    private void forgetAll() {
        changes.incrementAndGet();
        models.invalidateAll();
    }
}
