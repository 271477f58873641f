package dev.atelier.platform.database;

import dev.atelier.platform.LocalSecrets;
import dev.atelier.platform.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded PostgreSQL (initdb on a first start) as soon as the configuration is known,
 * in parallel with the application context, which needs it only after it has parsed every
 * configuration class: the start overlaps that work instead of following it. The
 * {@code embeddedPostgres} bean takes the started database; when the context fails first, it is
 * stopped here. Registered by {@code AtelierApplication.main} only: tests and benchmarks start
 * their contexts as before.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseEarlyStart.class);
    private static final Map<Path, FutureTask<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            PlatformProperties properties = Binder.get(prepared.getEnvironment())
                    .bindOrCreate("atelier", PlatformProperties.class);
            if (properties.database().external()) {
                return;
            }
            FutureTask<EmbeddedPostgres> start = new FutureTask<>(() ->
                    EmbeddedDatabaseConfiguration.start(properties, new LocalSecrets(properties)));
            if (STARTING.putIfAbsent(properties.dataDirectory(), start) == null) {
                Thread.ofPlatform().name("embedded-postgres-start").daemon(true).start(start);
            }
        } else if (event instanceof ApplicationFailedEvent) {
            for (Path directory : STARTING.keySet()) {
                try {
                    EmbeddedPostgres unused = take(directory);
                    if (unused != null) {
                        unused.close();
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not stop the embedded PostgreSQL in {}", directory, e);
                }
            }
        }
    }

    /** The database started early for {@code dataDirectory} (waiting for its start), or null if none was. */
    static EmbeddedPostgres take(Path dataDirectory) throws IOException {
        FutureTask<EmbeddedPostgres> start = STARTING.remove(dataDirectory);
        if (start == null) {
            return null;
        }
        try {
            return start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the embedded PostgreSQL started");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }
}
