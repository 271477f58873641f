package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationFinished;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.Submission;
import dev.atelier.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * This node's job metrics (docs/operations.md): jobs started ({@code atelier.generation.started})
 * and ended ({@code atelier.generation.finished}) by model and outcome, how long they ran and
 * waited (histograms), and every provider call by provider, operation and outcome with its
 * latency ({@code atelier.generation.provider.calls}, whatever the provider, local ones included).
 * Endings are counted after their transaction commits, never inside the money path's transaction
 * ({@link AfterCommit}: not a transactional event listener, whose publications Spring Modulith
 * would store and mark done, two commits per job).
 */
@Component
class JobMeters {

    private static final Logger log = LoggerFactory.getLogger(JobMeters.class);
    private final MeterRegistry meters;

    JobMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void started(Generation g) {
        Counter.builder("atelier.generation.started").description("Jobs a node started")
                .tag("model", g.model()).register(meters).increment();
    }

    void submitted(String provider, Submission answer, long startedNanos) {
        providerCall(provider, "submit", switch (answer) {
            case Submission.Completed done -> "completed";
            case Submission.Accepted accepted -> "accepted";
            case Submission.Failed failed -> failed.failure().code();
        }, startedNanos);
    }

    void polled(String provider, PollResult answer, long startedNanos) {
        providerCall(provider, "poll", switch (answer) {
            case PollResult.Running running -> "running";
            case PollResult.Completed done -> "completed";
            case PollResult.Failed failed -> failed.failure().code();
        }, startedNanos);
    }

    void threw(String provider, long startedNanos) {
        providerCall(provider, "call", "exception", startedNanos);
    }

    private void providerCall(String provider, String operation, String outcome, long startedNanos) {
        Timer.builder("atelier.generation.provider.calls").description("Calls to a model's provider, by outcome")
                .tag("provider", provider).tag("operation", operation).tag("outcome", outcome)
                .register(meters).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    @EventListener
    void on(GenerationFinished finished) {
        AfterCommit.run(() -> count(finished));
    }

    private void count(GenerationFinished finished) {
        try {
            if (!(finished.generation() instanceof GenerationView g)) {
                return;
            }
            Counter.builder("atelier.generation.finished").description("Jobs that ended, by model and outcome")
                    .tag("model", g.model()).tag("outcome", g.status()).register(meters).increment();
            if (g.finishedAt() != null) {
                var from = g.startedAt() != null ? g.startedAt() : g.createdAt();
                Timer.builder("atelier.generation.duration").description("From start (or submit) to the end of a job")
                        .tag("model", g.model()).tag("outcome", g.status()).publishPercentileHistogram()
                        .register(meters).record(Duration.between(from, g.finishedAt()));
            }
            if (g.startedAt() != null) {
                Timer.builder("atelier.generation.wait").description("From submit to start: time in the queue")
                        .tag("model", g.model()).publishPercentileHistogram()
                        .register(meters).record(Duration.between(g.createdAt(), g.startedAt()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not count the end of generation {}", finished.generationId(), e);
        }
    }
}
