package dev.atelier.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where files unpacked from the jar (ffmpeg, fonts) are kept between runs on this machine:
 * {@code $XDG_CACHE_HOME/atelier} or {@code ~/.cache/atelier}, or a folder in the temporary
 * directory when the home folder cannot be written (a service user without one). The system
 * property {@code atelier.cache-dir} overrides both. Contents are keyed by what they hold, so
 * several versions and several processes can share it.
 */
public final class MachineCache {

    private static volatile Path root;

    private MachineCache() {}

    /** The cache folder, created on first use. */
    public static Path root() throws IOException {
        Path known = root;
        if (known != null) {
            return known;
        }
        synchronized (MachineCache.class) {
            if (root == null) {
                root = choose();
            }
            return root;
        }
    }

    private static Path choose() throws IOException {
        String configured = System.getProperty("atelier.cache-dir");
        if (configured != null && !configured.isBlank()) {
            return Files.createDirectories(Path.of(configured).toAbsolutePath().normalize());
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        try {
            Path dir = Files.createDirectories(home.resolve("atelier"));
            if (Files.isWritable(dir)) {
                return dir;
            }
        } catch (IOException | SecurityException e) {
            // fall through to the temporary directory
        }
        return Files.createDirectories(
                Path.of(System.getProperty("java.io.tmpdir"), "atelier-cache-" + System.getProperty("user.name")));
    }
}
