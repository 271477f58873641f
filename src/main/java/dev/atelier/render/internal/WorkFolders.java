package dev.atelier.render.internal;

import dev.atelier.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every render works in a folder of its own under {@code <dataDir>/tmp/render}, removed on every
 * way out by whoever made it; folders left by a crash are removed when the node starts (nothing
 * else writes there, and a data directory serves one process).
 */
@Component
public class WorkFolders {

    private static final Logger log = LoggerFactory.getLogger(WorkFolders.class);
    private final Path root;

    WorkFolders(PlatformProperties platform) {
        this.root = platform.dataDirectory().resolve("tmp").resolve("render");
        try {
            Files.createDirectories(root);
            int swept = sweep();
            if (swept > 0) {
                log.info("Removed {} render folders left by an earlier run", swept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path create(String purpose) throws IOException {
        return Files.createDirectory(root.resolve(purpose + "-" + UUID.randomUUID()));
    }

    /** Removes a folder and everything in it; never throws (a leftover is logged and swept later). */
    public void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            deleteTree(folder);
        } catch (IOException e) {
            log.warn("Could not remove render folder {}", folder, e);
        }
    }

    /** How many folders are there now (tests look for leftovers). */
    public long count() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.count();
        }
    }

    int sweep() throws IOException {
        int removed = 0;
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                deleteTree(child);
                removed++;
            }
        }
        return removed;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
