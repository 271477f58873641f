package dev.atelier.media.storage;

import dev.atelier.media.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** {@link SharedFiles} as blobs under {@code work/<uuid>} and {@code keyed/<hash>} in the node's blob store. */
@Component
class BlobSharedFiles implements SharedFiles {

    private final BlobStore store;
    private final Clock clock;

    BlobSharedFiles(BlobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UUID put(Path file) throws IOException {
        UUID id = UUID.randomUUID();
        store.put(BlobKeys.work(id), file, "application/octet-stream");
        return id;
    }

    @Override
    public void copyTo(UUID id, Path target) throws IOException {
        try (InputStream in = store.open(BlobKeys.work(id))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete(UUID id) {
        try {
            store.delete(BlobKeys.work(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int removeOlderThan(Duration age) {
        AtomicInteger removed = new AtomicInteger();
        try {
            store.listOlderThan(BlobKeys.WORK, clock.instant().minus(age), keys -> keys.forEach(key -> {
                try {
                    store.delete(key);
                    removed.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed.get();
    }

    @Override
    public void putKeyed(String key, Path file) throws IOException {
        store.put(BlobKeys.keyed(key), file, "application/octet-stream");
    }

    @Override
    public InputStream openKeyed(String key) throws IOException {
        return store.open(BlobKeys.keyed(key));
    }

    @Override
    public Optional<Long> sizeKeyed(String key) throws IOException {
        return store.size(BlobKeys.keyed(key));
    }

    @Override
    public Optional<Path> localKeyed(String key) {
        return store.localFile(BlobKeys.keyed(key));
    }

    @Override
    public void deleteKeyed(String key) {
        try {
            store.delete(BlobKeys.keyed(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
