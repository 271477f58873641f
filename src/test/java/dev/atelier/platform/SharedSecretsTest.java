package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Generated keys are the cluster's: made once in PostgreSQL, read by every node, moved there from old data directories. */
class SharedSecretsTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    JdbcClient jdbc;

    @BeforeEach
    void scratchDatabase() {
        DataSource dataSource = TestDatabase.server().getDatabase("postgres", TestDatabase.newDatabaseName());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    SharedSecrets node(Path dataDir) {
        return new SharedSecrets(jdbc, new PlatformProperties(dataDir, null, null, null, null, List.of(), null, null, null));
    }

    @Test
    void aGeneratedKeyIsMadeOnceAndEveryNodeReadsTheSameOne() {
        String made = node(first).getOrCreate("cursor-key", null, 32);
        String read = node(second).getOrCreate("cursor-key", null, 32);

        assertThat(read).isEqualTo(made).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes, base64url
        assertThat(first.resolve("secrets")).doesNotExist(); // nothing of it on a node's disk
        assertThat(jdbc.sql("select origin from platform_secrets where name = 'cursor-key'").query(String.class).single())
                .isEqualTo("generated");
    }

    @Test
    void aKeyFromAnOlderInstallsDataDirectoryMovesIntoTheDatabaseSoItsTokensStayValid() throws Exception {
        Files.createDirectories(first.resolve("secrets"));
        Files.writeString(first.resolve("secrets/jwt-signing-key"), "the key this install signed with before\n");

        assertThat(node(first).getOrCreate("jwt-signing-key", null, 48)).isEqualTo("the key this install signed with before");
        assertThat(node(second).getOrCreate("jwt-signing-key", null, 48)).isEqualTo("the key this install signed with before");
        assertThat(jdbc.sql("select origin from platform_secrets where name = 'jwt-signing-key'").query(String.class).single())
                .isEqualTo("file");
    }

    @Test
    void aSecondNodesDifferingOldKeyLosesToTheDatabasesKey() throws Exception {
        String cluster = node(first).getOrCreate("media-url-key", null, 32);
        Files.createDirectories(second.resolve("secrets"));
        Files.writeString(second.resolve("secrets/media-url-key"), "a key only this node ever had");

        assertThat(node(second).getOrCreate("media-url-key", null, 32)).isEqualTo(cluster);
    }

    @Test
    void aConfiguredKeyWinsAndIsNeverStored() {
        assertThat(node(first).getOrCreate("cursor-key", "configured-on-every-node", 32)).isEqualTo("configured-on-every-node");
        assertThat(jdbc.sql("select count(*) from platform_secrets").query(Long.class).single()).isZero();
    }
}
