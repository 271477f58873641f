package dev.atelier.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code <root>/blobs/<assets|thumbs>/<2 hex>/<uuid>}. A blob arrives as a
 * finished spool file that is flushed to disk and then renamed into place, so a crash leaves
 * either the whole file under its name or none (at worst a spool file, which retention removes).
 */
public final class LocalBlobStore implements BlobStore {

    private static final int BATCH = 500;
    private final Path blobs;

    public LocalBlobStore(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("blobs"));
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        Path target = pathOf(key);
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) { // createDirectories alone throws and catches an exception when it exists
            Files.createDirectories(directory);
        }
        force(source);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // the spool is on another file system: copy next to the target, then rename
            Path partial = Files.createTempFile(directory, ".partial-", "");
            try {
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                force(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        forceDirectory(directory);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        try {
            return Optional.of(Files.size(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public void listOlderThan(String prefix, Instant before, Consumer<List<String>> batch) throws IOException {
        Path directory = blobs.resolve(prefix);
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.find(directory, 2, (path, attributes) -> attributes.isRegularFile()
                && attributes.lastModifiedTime().toInstant().isBefore(before))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = prefix + file.getFileName();
                if (BlobKeys.assetOf(key).isPresent()) {
                    keys.add(key);
                }
                if (keys.size() == BATCH) {
                    batch.accept(List.copyOf(keys));
                    keys.clear();
                }
            }
        }
        if (!keys.isEmpty()) {
            batch.accept(List.copyOf(keys));
        }
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path path = pathOf(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl, String contentType, String contentDisposition) {
        return Optional.empty();
    }

    private Path pathOf(String key) {
        BlobKeys.require(key);
        int slash = key.indexOf('/');
        String name = key.substring(slash + 1);
        return blobs.resolve(key.substring(0, slash)).resolve(name.substring(0, 2)).resolve(name);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened; the rename itself is still atomic
        }
    }
}
