package dev.atelier.render.internal;

import dev.atelier.platform.AfterCommit;
import dev.atelier.render.ExportFinished;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Exports that ended ({@code atelier.render.exports}) and how long they took from start to end
 * ({@code atelier.render.export.duration}, a histogram), by resolution and outcome; counted after
 * the ending commits, on the node that ended it ({@link AfterCommit}: a transactional event
 * listener would have Spring Modulith store a publication of every export for a counter).
 */
@Component
class RenderMeters {

    private static final Logger log = LoggerFactory.getLogger(RenderMeters.class);
    private final MeterRegistry meters;

    RenderMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(ExportFinished finished) {
        AfterCommit.run(() -> count(finished));
    }

    private void count(ExportFinished finished) {
        try {
            if (!(finished.export() instanceof ExportView e)) {
                return;
            }
            Counter.builder("atelier.render.exports").description("Exports that ended, by outcome")
                    .tag("resolution", e.resolution()).tag("outcome", e.status()).register(meters).increment();
            if (e.startedAt() != null && e.finishedAt() != null) {
                Timer.builder("atelier.render.export.duration").description("From start to end of an export")
                        .tag("resolution", e.resolution()).tag("outcome", e.status()).publishPercentileHistogram()
                        .register(meters).record(Duration.between(e.startedAt(), e.finishedAt()));
            }
        } catch (RuntimeException ex) {
            log.warn("Could not count the end of export {}", finished.exportId(), ex);
        }
    }
}
