package dev.atelier.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.AtelierApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL started in parallel with the context (start-up, issue 9). */
class EmbeddedDatabaseEarlyStartTest {

    @TempDir
    Path dataDir;

    @Test
    void theContextUsesTheDatabaseStartedEarly() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AtelierApplication.class)
                .listeners(new EmbeddedDatabaseEarlyStart())
                .run("--atelier.test.isolated=false", "--atelier.data-dir=" + dataDir, "--server.port=0",
                        "--atelier.database.embedded-durable=false")) {
            assertThat(context.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
            assertThat(taken(dataDir)).isTrue(); // nothing left waiting
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void aDatabaseStartedEarlyIsStoppedWhenTheApplicationFailsToStart() {
        EmbeddedDatabaseEarlyStart early = new EmbeddedDatabaseEarlyStart();
        SpringApplication application = new SpringApplication(AtelierApplication.class);

        early.onApplicationEvent(prepared(application, Map.of("atelier.data-dir", dataDir.toString(),
                "atelier.database.embedded-durable", "false")));
        early.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], null,
                new IllegalStateException("a bean failed")));

        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists(); // it was made
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist(); // and stopped
        assertThat(taken(dataDir)).isTrue();
    }

    @Test
    void nothingStartsForAnExternalDatabase() {
        EmbeddedDatabaseEarlyStart early = new EmbeddedDatabaseEarlyStart();

        early.onApplicationEvent(prepared(new SpringApplication(AtelierApplication.class), Map.of(
                "atelier.data-dir", dataDir.toString(), "atelier.database.url", "jdbc:postgresql://127.0.0.1:1/x")));

        assertThat(taken(dataDir)).isTrue();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(SpringApplication application,
            Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
                environment);
    }

    private static boolean taken(Path dataDir) {
        try {
            return EmbeddedDatabaseEarlyStart.take(dataDir.toAbsolutePath().normalize()) == null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
