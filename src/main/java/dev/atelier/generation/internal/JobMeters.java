package dev.atelier.generation.internal;

import dev.atelier.generation.GenerationFinished;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.Submission;
import dev.atelier.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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

    // each meter once it is registered: a builder per job built its id, sorted its tags and looked it
    // up in the registry, several times per job (issue 16); models, providers and outcomes are few
    private final Map<String, Meter> registered = new ConcurrentHashMap<>();

    JobMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    private <M extends Meter> M meter(String key, Supplier<M> register, Class<M> type) {
        return type.cast(registered.computeIfAbsent(key, k -> register.get()));
    }

    void started(Generation g) {
        meter("started " + g.model(), () -> Counter.builder("atelier.generation.started")
                .description("Jobs a node started").tag("model", g.model()).register(meters), Counter.class)
                .increment();
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
        meter("call " + provider + " " + operation + " " + outcome, () -> Timer.builder(
                "atelier.generation.provider.calls").description("Calls to a model's provider, by outcome")
                .tag("provider", provider).tag("operation", operation).tag("outcome", outcome)
                .register(meters), Timer.class).record(Duration.ofNanos(System.nanoTime() - startedNanos));
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
            String endedAs = g.model() + " " + g.status();
            meter("finished " + endedAs, () -> Counter.builder("atelier.generation.finished")
                    .description("Jobs that ended, by model and outcome").tag("model", g.model())
                    .tag("outcome", g.status()).register(meters), Counter.class).increment();
            if (g.finishedAt() != null) {
                var from = g.startedAt() != null ? g.startedAt() : g.createdAt();
                meter("duration " + endedAs, () -> Timer.builder("atelier.generation.duration")
                        .description("From start (or submit) to the end of a job").tag("model", g.model())
                        .tag("outcome", g.status()).publishPercentileHistogram().register(meters), Timer.class)
                        .record(Duration.between(from, g.finishedAt()));
            }
            if (g.startedAt() != null) {
                meter("wait " + g.model(), () -> Timer.builder("atelier.generation.wait")
                        .description("From submit to start: time in the queue").tag("model", g.model())
                        .publishPercentileHistogram().register(meters), Timer.class)
                        .record(Duration.between(g.createdAt(), g.startedAt()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not count the end of generation {}", finished.generationId(), e);
        }
    }
}
