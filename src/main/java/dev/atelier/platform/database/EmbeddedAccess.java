package dev.atelier.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL: only clients that know the superuser's password
 * (SCRAM-SHA-256), over loopback; no Unix socket at all.
 *
 * <ul>
 * <li>A new data directory is made by initdb with the password and SCRAM from the first moment
 *     (no window in which anyone is trusted).
 * <li>Every start rewrites {@code pg_hba.conf} to Atelier's own before postgres starts, so an
 *     edited or older file never survives a restart.
 * <li>A data directory made by an older Atelier (trust, no password) is upgraded on its first
 *     start: that one start trusts loopback connections for the superuser only while the password
 *     is set, then the SCRAM-only file is written and loaded before anything else connects.
 * </ul>
 *
 * <p>The password's SCRAM verifier is made with one PBKDF2 iteration instead of PostgreSQL's
 * 4096. Iterations slow down guessing a weak password from a captured exchange or a stolen
 * verifier; this password is 32 random bytes, so there is nothing to guess, while 4096 iterations
 * cost every new connection ~10 ms of CPU in the JVM (the pool's connections at start: about
 * 0.3 s of a two-core machine's start-up, issue 9). Directories made with 4096 get the cheaper
 * verifier on their next start.
 */
final class EmbeddedAccess {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAccess.class);
    static final int SCRAM_ITERATIONS = 1;
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{20,200}");
    static final String MARKER = "# Written by Atelier on every start: SCRAM only, loopback only.";
    private static final String SCRAM = MARKER + "\n"
            + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
            + "host    all       all   127.0.0.1/32  scram-sha-256\n"
            + "host    all       all   ::1/128       scram-sha-256\n";
    private static final String UPGRADING = "# Atelier is setting the superuser's password; replaced at once.\n"
            + "host    all       postgres   127.0.0.1/32  trust\n"
            + "host    all       postgres   ::1/128       trust\n";

    private final Path directory;
    private final String password;
    private final boolean fresh;
    private final boolean upgrading;
    private Path passwordFile;

    private EmbeddedAccess(Path directory, String password, boolean fresh, boolean upgrading) {
        this.directory = directory;
        this.password = password;
        this.fresh = fresh;
        this.upgrading = upgrading;
    }

    static EmbeddedAccess of(Path directory, String password) throws IOException {
        if (!SAFE_PASSWORD.matcher(password).matches()) {
            throw new IllegalStateException("the embedded database's password must be 20+ URL-safe characters");
        }
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        Path hba = directory.resolve("pg_hba.conf");
        boolean secured = Files.isRegularFile(hba) && Files.readString(hba).startsWith(MARKER);
        return new EmbeddedAccess(directory, password, fresh, !fresh && !secured);
    }

    EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) throws IOException {
        if (fresh) {
            // initdb's own options come after zonky's "-A trust" and win over it
            passwordFile = Files.createTempFile(directory.getParent(), "initdb-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n");
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("set", "scram_iterations=" + SCRAM_ITERATIONS);
        }
        if (upgrading) {
            log.warn("Securing the embedded PostgreSQL in {}: setting its password and SCRAM authentication", directory);
        }
        return builder
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("scram_iterations", String.valueOf(SCRAM_ITERATIONS))
                .setDataDirectoryCustomizer(dir -> write(dir.toPath().resolve("pg_hba.conf"), upgrading ? UPGRADING : SCRAM));
    }

    /**
     * After the start: an upgraded directory gets its password, then the SCRAM-only rules; a
     * verifier made with other iterations (an older Atelier) is made again with {@link #SCRAM_ITERATIONS}.
     */
    void finish(EmbeddedPostgres postgres) {
        if (fresh) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (upgrading || !currentVerifier(statement)) {
                statement.execute("alter role postgres with password '" + password + "'");
            }
            if (upgrading) {
                write(directory.resolve("pg_hba.conf"), SCRAM);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not secure the embedded PostgreSQL in " + directory, e);
        }
    }

    private static boolean currentVerifier(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("select rolpassword from pg_authid where rolname = 'postgres'")) {
            return row.next() && row.getString(1) != null
                    && row.getString(1).startsWith("SCRAM-SHA-256$" + SCRAM_ITERATIONS + ":");
        }
    }

    void cleanUp() throws IOException {
        if (passwordFile != null) {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
