package dev.atelier.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges, at most once per {@code maxAge} however often it is
 * scraped (every gauge of a query shares one read), never on a request or job path. A failed read
 * keeps the last value and is logged; gauges never throw at the scraper. Micrometer holds a gauge's
 * object weakly: register gauges over a snapshot with {@code strongReference(true)}, or the snapshot
 * is collected and the gauge reads NaN.
 */
public final class Snapshot<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(Snapshot.class);
    private final Supplier<T> read;
    private final long maxAgeNanos;
    private volatile T value;
    private volatile long readAt;

    private Snapshot(Supplier<T> read, Duration maxAge, T initial) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.value = initial;
        this.readAt = System.nanoTime() - maxAgeNanos - 1;
    }

    public static <T> Snapshot<T> every(Duration maxAge, T initial, Supplier<T> read) {
        return new Snapshot<>(read, maxAge, initial);
    }

    @Override
    public synchronized T get() {
        if (System.nanoTime() - readAt > maxAgeNanos) {
            readAt = System.nanoTime();
            try {
                value = read.get();
            } catch (RuntimeException e) {
                log.warn("Reading metrics from the database failed; showing the last values", e);
            }
        }
        return value;
    }
}
