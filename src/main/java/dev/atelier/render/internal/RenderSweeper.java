package dev.atelier.render.internal;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends exports past their deadline (timed out, credits back: the node rendering it sees the row
 * end and stops its ffmpeg), and removes preview windows nobody used for a
 * while. Each part is wrapped: one failing never stops the others or the next round.
 */
@Component
class RenderSweeper {

    private static final Logger log = LoggerFactory.getLogger(RenderSweeper.class);
    private final ExportRows rows;
    private final RenderTransitions transitions;
    private final PreviewCache cache;
    private final ChunkedExports chunked;
    private final Clock clock;

    RenderSweeper(ExportRows rows, RenderTransitions transitions, PreviewCache cache, ChunkedExports chunked,
            Clock clock) {
        this.chunked = chunked;
        this.rows = rows;
        this.transitions = transitions;
        this.cache = cache;
        this.clock = clock;
    }

    void sweep() {
        try {
            for (UUID id : rows.overdue(clock.instant(), 100)) {
                transitions.end(id, RenderStatus.TIMED_OUT, "deadline", "The export did not finish in time");
            }
        } catch (RuntimeException e) {
            log.warn("Ending overdue exports failed", e);
        }
        try {
            int removed = cache.removeUnused();
            if (removed > 0) {
                log.info("Removed {} unused preview windows", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Preview retention failed", e);
        }
        try {
            chunked.sweep();
        } catch (RuntimeException e) {
            log.warn("Removing the chunks of ended exports failed", e);
        }
        // copies of inputs are node-local: every node sweeps its own (InputsSweep)
    }
}
