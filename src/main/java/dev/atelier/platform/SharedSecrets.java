package dev.atelier.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generated signing keys live in PostgreSQL ({@code platform_secrets}), made once for the whole
 * cluster and read by every node, so a token, cursor or link one node signs verifies on any
 * other. Configuration always wins. The first writer wins too: {@code insert … on conflict do
 * nothing}, then every node reads the row that stands.
 *
 * <p>Installs from before issue 16 kept these keys in {@code <dataDir>/secrets/<name>}: on first
 * start such a file is moved into the table, so tokens and links already handed out stay valid.
 * A node whose file differs from the table's key (a second node of an install that never shared
 * its keys) says so in the log; the table's key is used. No node ever signs with a key of its own.
 */
@Component
@DependsOnDatabaseInitialization
public class SharedSecrets implements Secrets {

    private static final Logger log = LoggerFactory.getLogger(SharedSecrets.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Path legacyDirectory;

    SharedSecrets(JdbcClient jdbc, PlatformProperties properties) {
        this.jdbc = jdbc;
        this.legacyDirectory = properties.dataDirectory().resolve("secrets");
    }

    @Override
    public String getOrCreate(String name, String configured, int bytes) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad secret name: " + name);
        }
        Optional<String> legacy = legacyFile(name);
        Optional<String> stored = stored(name);
        if (stored.isEmpty()) {
            String origin = legacy.isPresent() ? "file" : "generated";
            int inserted = jdbc.sql("""
                    insert into platform_secrets (name, value, origin) values (:name, :value, :origin)
                    on conflict (name) do nothing""")
                    .param("name", name).param("value", legacy.orElseGet(() -> random(bytes))).param("origin", origin)
                    .update();
            stored = stored(name);
            if (inserted == 1) {
                log.info(legacy.isPresent()
                        ? "Moved the key '{}' from this node's data directory into the database, where every node reads it"
                        : "Generated the key '{}' and stored it in the database, where every node reads it", name);
            }
        }
        String value = stored.orElseThrow(() -> new IllegalStateException("the key '" + name + "' vanished"));
        if (legacy.isPresent() && !legacy.get().equals(value)) {
            log.warn("This node's {} differs from the cluster's key '{}' in the database: the database's is used,"
                    + " so what this node signed with its own key no longer verifies", legacyDirectory.resolve(name), name);
        }
        return value;
    }

    private Optional<String> stored(String name) {
        return jdbc.sql("select value from platform_secrets where name = :name").param("name", name)
                .query(String.class).optional();
    }

    private Optional<String> legacyFile(String name) {
        Path file = legacyDirectory.resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
