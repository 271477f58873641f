package dev.atelier.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.AtelierApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default: data kept across restarts, and a postgres left by a killed JVM cleared. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // arguments, not builder defaults: application.yml's server.port would win over a default
        return new SpringApplicationBuilder(AtelierApplication.class)
                .run("--atelier.test.isolated=false", "--atelier.data-dir=" + dataDir, "--server.port=0",
                        "--atelier.database.embedded-durable=false");
    }

    @Test
    void dataSurvivesARestart() {
        UUID id = UUID.randomUUID();
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(JdbcClient.class).sql("""
                    insert into users (id, email, name, password_hash, role, created_at)
                    values (:id, :email, 'Kept', 'x', 'user', now())""")
                    .param("id", id).param("email", id + "@kept.test").update();
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(JdbcClient.class).sql("select name from users where id = :id")
                    .param("id", id).query(String.class).single()).isEqualTo("Kept");
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledJvmIsStoppedBeforeStarting() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        Files.createDirectories(postgresDir);
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), OrphanPostgres.class.getName(), postgresDir.toString())
                .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            assertThat(output.lines().filter("ready"::equals).findFirst()).isPresent();
        }
        jvm.destroyForcibly().waitFor(); // SIGKILL: its postgres lives on
        Optional<ProcessHandle> left = StalePostmaster.find(postgresDir);
        assertThat(left).as("the orphan holds postmaster.pid").isPresent();

        try (ConfigurableApplicationContext context = start()) {
            assertThat(left.get().isAlive()).isFalse();
            assertThat(context.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aStalePidFileWithNoLiveProcessIsLeftToPostgres() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.isRunning()).isTrue();
        }
        Files.writeString(postgresDir.resolve("postmaster.pid"), "999999\n" + postgresDir + "\n");

        assertThat(StalePostmaster.find(postgresDir)).isEmpty();
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
