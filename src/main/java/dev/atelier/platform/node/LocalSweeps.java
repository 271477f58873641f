package dev.atelier.platform.node;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs every {@link LocalSweep} on this node at its interval; one failing never stops the others. */
@Component
class LocalSweeps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LocalSweeps.class);
    private final List<LocalSweep> sweeps;
    private final MeterRegistry meters;
    private ScheduledExecutorService timer;

    LocalSweeps(List<LocalSweep> sweeps, MeterRegistry meters) {
        this.sweeps = sweeps;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("local-sweep").factory());
        for (LocalSweep sweep : sweeps) {
            long every = Math.max(1, sweep.interval().toMillis());
            timer.scheduleWithFixedDelay(() -> run(sweep), every, every, TimeUnit.MILLISECONDS);
        }
    }

    void run(LocalSweep sweep) {
        try {
            int removed = sweep.sweep();
            meters.counter("atelier.node.local.sweep.removed", "what", sweep.name()).increment(removed);
            if (removed > 0) {
                log.info("Removed {} stale {} on this node", removed, sweep.name().replace('_', ' '));
            }
        } catch (Exception e) {
            log.warn("Sweeping {} failed; trying again next time", sweep.name().replace('_', ' '), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
