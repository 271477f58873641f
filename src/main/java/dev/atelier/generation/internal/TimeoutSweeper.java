package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.TIMED_OUT;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.generation.GenerationProperties;
import dev.atelier.generation.PollResult;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ends jobs that outlived their model's timeout. A provider job is asked once more first: if it
 * finished, it is recorded (and charged) as usual; otherwise the job ends {@code timed_out},
 * its hold is released and the provider is asked to stop. Its task keeps polling for a day, so
 * a late success is still stored, free of charge. One job's trouble never stops the sweep.
 */
@Configuration(proxyBeanMethods = false)
class TimeoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweeper.class);
    private static final int BATCH = 100;

    private final GenerationRows rows;
    private final Transitions transitions;
    private final Providers providers;
    private final GenerationRunner runner;
    private final Clock clock;

    TimeoutSweeper(GenerationRows rows, Transitions transitions, Providers providers, GenerationRunner runner,
            Clock clock) {
        this.rows = rows;
        this.transitions = transitions;
        this.providers = providers;
        this.runner = runner;
        this.clock = clock;
    }

    @RunsOn(NodeRole.JOBS)
    @Bean
    RecurringTask<Void> sweepTimedOutGenerations(GenerationProperties properties) {
        return Tasks.recurring("sweep-timed-out-generations", FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> sweep());
    }

    /** Ends every overdue job; answers how many it ended. */
    int sweep() {
        int ended = 0;
        for (UUID id : rows.overdue(clock.instant(), BATCH)) {
            try {
                if (sweep(id)) {
                    ended++;
                }
            } catch (RuntimeException e) {
                log.error("Could not time out generation {}; next sweep tries again", id, e);
            }
        }
        if (ended > 0) {
            log.info("Timed out {} generations", ended);
        }
        return ended;
    }

    private boolean sweep(UUID id) {
        Generation g = rows.find(id).orElse(null);
        if (g == null || g.status().terminal()) {
            return false;
        }
        var provider = providers.find(g.provider());
        if (g.providerJobId() != null && provider.isPresent()) {
            PollResult last = askOnceMore(g);
            if (last instanceof PollResult.Completed) {
                runner.step(id); // it finished after all: record it the usual way
                return false;
            }
        }
        boolean ended = transitions.end(id, TIMED_OUT, "timeout",
                "The model did not finish within its time limit; the credits were returned");
        if (ended && provider.isPresent()) {
            try {
                provider.get().cancel(Providers.request(g), g.providerJobId());
            } catch (RuntimeException e) {
                log.warn("Provider {} could not cancel timed-out generation {}", g.provider(), id, e);
            }
        }
        return ended;
    }

    private PollResult askOnceMore(Generation g) {
        try {
            return providers.find(g.provider()).orElseThrow().poll(Providers.request(g), g.providerJobId());
        } catch (RuntimeException e) {
            return new PollResult.Running(null, null);
        }
    }
}
