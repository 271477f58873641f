package dev.atelier.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.AtelierApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default: durable, data kept across restarts, and a postgres left by a killed JVM
 * cleared. The other tests here start it with durability off, which is quicker.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    /** With durability off, which is quicker. */
    private ConfigurableApplicationContext start() {
        return startAsInProduction("--atelier.database.embedded-durable=false");
    }

    /** As production starts it, with a data directory and a free port of the test's own, and {@code more}. */
    private ConfigurableApplicationContext startAsInProduction(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--atelier.test.isolated=false", "--atelier.data-dir=" + dataDir, "--server.port=0"));
        arguments.addAll(List.of(more));
        // arguments, not builder defaults: application.yml's server.port would win over a default
        return new SpringApplicationBuilder(AtelierApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void startedAsInProductionTheServerSyncsEveryCommitToDisk() {
        try (ConfigurableApplicationContext context = startAsInProduction()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(context.getEnvironment().getProperty("atelier.database.url", "")).isBlank();

            assertThat(setting(jdbc, "fsync")).as(sources(jdbc)).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).as(sources(jdbc)).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).as(sources(jdbc)).isEqualTo("on");
        }
    }

    @Test
    void durabilityOffIsVisibleInTheServersSettings() {
        // the check above reads the running server, not our configuration: here it sees the difference
        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            assertThat(setting(jdbc, "fsync")).isEqualTo("off");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("show " + name).query(String.class).single();
    }

    private static String sources(JdbcClient jdbc) {
        return jdbc.sql("select string_agg(name || '=' || setting || ' from ' || source, ', ') from pg_settings"
                + " where name in ('fsync', 'synchronous_commit', 'full_page_writes')").query(String.class).single();
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
