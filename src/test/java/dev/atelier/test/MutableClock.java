package dev.atelier.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that follows real time plus an offset tests can move; no test sleeps. A test that
 * counts exact amounts of time (rate-limit refills) {@link #freeze() freezes} it, so that only
 * {@link #advance} moves it and a slow machine cannot add a second.
 */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at the current instant until {@link #reset()}. */
    public void freeze() {
        frozenAt = Instant.now();
    }

    /** Back to real time, unfrozen. */
    public void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
