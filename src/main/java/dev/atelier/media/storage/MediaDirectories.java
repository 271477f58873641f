package dev.atelier.media.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's media folders: the local store's root and, inside it, {@code tmp} where uploads
 * are spooled (on the same file system, so finishing a local upload is a rename, not a copy).
 */
public record MediaDirectories(Path root, Path spool) {

    public MediaDirectories(Path root) throws IOException {
        this(root, Files.createDirectories(root.resolve("tmp")));
    }
}
