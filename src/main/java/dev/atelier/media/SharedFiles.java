package dev.atelier.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Files in flight between nodes, e.g. the chunks of an export rendered on several nodes and joined
 * on another: kept in the shared blob store (the bucket when there is one), never in the library,
 * counted against nobody's quota. Whoever puts a file removes it; {@link #removeOlderThan} is the
 * backstop for what a crash left.
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
}
