package dev.atelier.render.internal;

import dev.atelier.platform.PlatformProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The fonts bundled in the jar ({@code src/main/resources/fonts}), copied once to a file ffmpeg can read. */
@Component
class ClasspathFonts implements FontFiles {

    static final Map<String, String> FILES = Map.of(
            "sans", "DejaVuSans.ttf",
            "sans-bold", "DejaVuSans-Bold.ttf",
            "serif", "DejaVuSerif.ttf",
            "mono", "DejaVuSansMono.ttf");

    private final Path folder;
    private final Map<String, Path> copied = new ConcurrentHashMap<>();

    ClasspathFonts(PlatformProperties platform) {
        this.folder = platform.dataDirectory().resolve("render").resolve("fonts");
    }

    @Override
    public Path file(String id) {
        String name = FILES.get(id);
        if (name == null) {
            throw new IllegalArgumentException("unknown font " + id);
        }
        return copied.computeIfAbsent(id, key -> copy(name));
    }

    private Path copy(String name) {
        try (InputStream in = ClasspathFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is not in the jar");
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            Path temp = Files.createTempFile(folder, name, ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
