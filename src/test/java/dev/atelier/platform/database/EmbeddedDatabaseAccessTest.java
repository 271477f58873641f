package dev.atelier.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.AtelierApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack: any local user connecting to the embedded PostgreSQL as superuser without a password.
 * It must be refused, on a new data directory and on one made by an older Atelier (trust).
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AtelierApplication.class)
                .run("--atelier.test.isolated=false", "--atelier.data-dir=" + dataDir, "--server.port=0",
                        "--atelier.database.embedded-durable=false");
    }

    private static String url(ConfigurableApplicationContext context) {
        return "jdbc:postgresql://127.0.0.1:" + context.getBean(EmbeddedPostgres.class).getPort() + "/postgres";
    }

    private String password() throws Exception {
        return Files.readString(dataDir.resolve("secrets").resolve(EmbeddedDatabaseConfiguration.PASSWORD_SECRET)).strip();
    }

    @Test
    void aNewDatabaseRefusesConnectionsWithoutItsPassword() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            String url = url(context);

            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url, "postgres", password());
                    Statement statement = connection.createStatement()) {
                var rs = statement.executeQuery("select current_setting('listen_addresses'),"
                        + " current_setting('unix_socket_directories'), current_setting('password_encryption')");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("localhost");
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getString(3)).isEqualTo("scram-sha-256");
            }
            assertThat(password()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dataDir.resolve("secrets").resolve(EmbeddedDatabaseConfiguration.PASSWORD_SECRET))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
            assertThat(verifier(url)).startsWith("SCRAM-SHA-256$1:");
            // what an older Atelier left: PostgreSQL's default 4096 iterations
            try (Connection connection = DriverManager.getConnection(url, "postgres", password());
                    Statement statement = connection.createStatement()) {
                statement.execute("set scram_iterations = 4096");
                statement.execute("alter role postgres with password '" + password() + "'");
            }
            assertThat(verifier(url)).startsWith("SCRAM-SHA-256$4096:");
        }
        // and after a restart: still refused without the password, the verifier made cheap again
        try (ConfigurableApplicationContext context = start()) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(context), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThat(verifier(url(context))).startsWith("SCRAM-SHA-256$1:");
        }
    }

    private String verifier(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password());
                Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select rolpassword from pg_authid where rolname = 'postgres'");
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsSecuredOnStartAndKeepsItsData() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(postgresDir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema legacy");
            statement.execute("create table legacy.kept (v text)");
            statement.execute("insert into legacy.kept values ('from before')");
        }
        assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).contains("trust");

        try (ConfigurableApplicationContext context = start()) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(context), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThat(context.getBean(JdbcClient.class).sql("select v from legacy.kept").query(String.class).single())
                    .isEqualTo("from before");
            assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }
}
