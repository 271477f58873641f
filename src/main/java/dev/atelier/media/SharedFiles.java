package dev.atelier.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Files in flight between nodes, e.g. the chunks of an export rendered on several nodes and joined
 * on another: kept in the shared blob store (the bucket when there is one), never in the library,
 * counted against nobody's quota. Whoever puts a file removes it; {@link #removeOlderThan} is the
 * backstop for what a crash left.
 *
 * <p>Keyed files ({@code …Keyed}) are named by the caller, by a hash of what decides their content
 * (64 lowercase hex digits), so any node finds them by that name, e.g. rendered preview windows.
 * The caller indexes and removes them; {@link #removeOlderThan} leaves them alone.
 */
public interface SharedFiles {

    /** Stores the file, which may be moved away (hand over one you no longer need), and answers its id. */
    UUID put(Path file) throws IOException;

    /** Writes the file to {@code target}; {@link java.nio.file.NoSuchFileException} when it is gone. */
    void copyTo(UUID id, Path target) throws IOException;

    /** Removes the file; removing what is not there is no error. */
    void delete(UUID id);

    /** Removes every shared file written longer than {@code age} ago; answers how many. */
    int removeOlderThan(Duration age);

    /** Stores the file under {@code key}, replacing what was there as a whole; the file may be moved away. */
    void putKeyed(String key, Path file) throws IOException;

    /** The bytes under {@code key}; {@link java.nio.file.NoSuchFileException} when there are none. */
    InputStream openKeyed(String key) throws IOException;

    /** The size under {@code key}, empty when there is nothing. */
    Optional<Long> sizeKeyed(String key) throws IOException;

    /** The file itself when the shared store is this machine's disk (one node, no bucket); else empty. */
    Optional<Path> localKeyed(String key);

    /** Removes what is under {@code key}; removing what is not there is no error. */
    void deleteKeyed(String key);
}
