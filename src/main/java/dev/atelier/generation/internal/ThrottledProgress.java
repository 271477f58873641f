package dev.atelier.generation.internal;

import dev.atelier.generation.ProgressReporter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress reporter handed to a provider's synchronous {@code submit}: records a new
 * percentage on the job and announces it to event streams, at most every
 * {@value #MIN_INTERVAL_MS} ms unless it jumped by {@value #MIN_JUMP} points or more, only
 * upwards, and at most 99 (100 is written by success itself). Called from any thread.
 */
final class ThrottledProgress implements ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ThrottledProgress.class);
    static final long MIN_INTERVAL_MS = 500;
    static final int MIN_JUMP = 5;

    private final Generation generation;
    private final GenerationRows rows;
    private final LiveUpdates live;
    private final Clock clock;
    private int written = -1;
    private long writtenAt;
    private boolean failed;

    ThrottledProgress(Generation generation, GenerationRows rows, LiveUpdates live, Clock clock) {
        this.generation = generation;
        this.rows = rows;
        this.live = live;
        this.clock = clock;
        this.written = generation.progress() == null ? -1 : generation.progress();
    }

    @Override
    public synchronized void report(int percent) {
        int value = Math.clamp(percent, 0, 99);
        long now = System.nanoTime() / 1_000_000;
        if (failed || value <= written) {
            return;
        }
        if (written >= 0 && value - written < MIN_JUMP && now - writtenAt < MIN_INTERVAL_MS) {
            return;
        }
        try {
            if (rows.progressed(generation.id(), value, clock.instant())) {
                live.announce(generation, "running", value);
            }
            written = value;
            writtenAt = now;
        } catch (RuntimeException e) {
            failed = true; // progress is advisory: the work goes on, its end is recorded as usual
            log.warn("Could not record the progress of generation {}", generation.id(), e);
        }
    }
}
