package dev.atelier.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Secrets this node needs before its database is up, generated once and kept in
 * {@code <dataDir>/secrets} (owner-only permissions): today only the embedded PostgreSQL's
 * password. Keys that nodes must agree on live in the database ({@link SharedSecrets}).
 */
@Component
public class LocalSecrets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public LocalSecrets(PlatformProperties properties) {
        this.directory = properties.dataDirectory().resolve("secrets");
    }

    /** The configured value when given, else the stored (or newly generated) one of {@code bytes} random bytes. */
    public String getOrCreate(String name, String configured, int bytes) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return getOrCreate(name, () -> {
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
    }

    /** The stored text under {@code name}, or the one {@code generator} makes, stored first-writer-wins. */
    public synchronized String getOrCreate(String name, java.util.function.Supplier<String> generator) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad secret name: " + name);
        }
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, generator.get());
            try {
                // a hard link never replaces: if another process won the race, its secret stands
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // keep the winner's
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create secret " + name + " in " + directory, e);
        }
    }
}
