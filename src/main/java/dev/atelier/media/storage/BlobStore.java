package dev.atelier.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the bytes of assets live. Keys are made by Atelier ({@link BlobKeys}), never from names.
 * A blob is visible under its key only once it is complete: no reader ever sees half a file.
 */
public interface BlobStore {

    /**
     * Stores the file under {@code key}, replacing nothing half-way: either the whole file is
     * there afterwards or nothing is. The source file may be moved away (it is a spool file).
     */
    void put(String key, Path source, String contentType) throws IOException;

    /** The bytes under {@code key}; {@link java.nio.file.NoSuchFileException} when there are none. */
    InputStream open(String key) throws IOException;

    /** The size of the blob, empty when there is none. */
    Optional<Long> size(String key) throws IOException;

    /** Removes the blob; removing what is not there is no error. */
    void delete(String key) throws IOException;

    /** Hands over, in batches, every blob under {@code prefix} last written before {@code before}. */
    void listOlderThan(String prefix, Instant before, Consumer<List<String>> batch) throws IOException;

    /** The file itself, when the blob is a file on this machine (the local store). */
    Optional<Path> localFile(String key);

    /**
     * A URL that serves the blob directly for {@code ttl} (an S3 presigned GET), with the given
     * response type and, when not null, {@code Content-Disposition}. Empty when the store cannot
     * (the local store: Atelier serves those bytes itself behind its own signed URLs).
     */
    Optional<URI> presignedGet(String key, Duration ttl, String contentType, String contentDisposition);
}
