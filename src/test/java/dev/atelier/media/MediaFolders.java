package dev.atelier.media;

import dev.atelier.media.storage.MediaDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What is on disk under the test's media folder. */
public final class MediaFolders {

    private MediaFolders() {
    }

    public static List<Path> blobs(MediaDirectories directories) {
        return files(directories.root().resolve("blobs"));
    }

    public static List<Path> spool(MediaDirectories directories) {
        try (Stream<Path> entries = Files.list(directories.spool())) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
