package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.FAILED;
import static dev.atelier.generation.GenerationStatus.QUEUED;
import static dev.atelier.generation.GenerationStatus.TIMED_OUT;

import dev.atelier.generation.GenerationProperties;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProgressReporter;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One step of a job, run by the {@code run-generation} task: start it, submit it to its
 * provider or poll the provider job, and store the outputs. Every outcome lands on the job;
 * nothing a provider does or throws escapes.
 */
@Component
class GenerationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerationRunner.class);

    private final GenerationRows rows;
    private final Transitions transitions;
    private final Providers providers;
    private final OutputStore outputs;
    private final RunningWork running;
    private final LiveUpdates live;
    private final Pricing pricing;
    private final GenerationProperties properties;
    private final Clock clock;
    private final JobMeters meters;

    GenerationRunner(GenerationRows rows, Transitions transitions, Providers providers, OutputStore outputs,
            RunningWork running, LiveUpdates live, Pricing pricing, GenerationProperties properties, Clock clock,
            JobMeters meters) {
        this.meters = meters;
        this.pricing = pricing;
        this.rows = rows;
        this.transitions = transitions;
        this.providers = providers;
        this.outputs = outputs;
        this.running = running;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
    }

    Step step(UUID id) {
        var stepped = transitions.startIfQueued(id).orElse(null);
        if (stepped == null || !worthAStep(stepped.generation())) {
            return Step.DONE;
        }
        Generation g = stepped.generation();
        if (g.status() == QUEUED) {
            return Step.DONE; // queued but not started: canceled meanwhile, or another worker has it
        }
        if (stepped.started()) {
            meters.started(g);
        }
        if (g.providerJobId() == null && g.status() != TIMED_OUT) {
            g = fallBackIfDown(g);
        }
        var provider = providers.find(g.provider());
        if (provider.isEmpty()) {
            transitions.end(id, FAILED, "provider_unavailable", "No provider '" + g.provider() + "' is configured");
            return Step.DONE;
        }
        running.enter(id);
        long called = System.nanoTime();
        try {
            if (g.providerJobId() == null) {
                ProgressReporter progress = new ThrottledProgress(g, rows, live, clock);
                Submission submitted = provider.get().submit(Providers.request(g, progress));
                meters.submitted(g.provider(), submitted, called);
                return switch (submitted) {
                    case Submission.Completed done -> complete(g, done.outputs());
                    case Submission.Accepted accepted -> accepted(g, accepted);
                    case Submission.Failed failed -> failure(g, failed.failure());
                };
            }
            PollResult polled = provider.get().poll(Providers.request(g), g.providerJobId());
            meters.polled(g.provider(), polled, called);
            return switch (polled) {
                case PollResult.Running progress -> stillRunning(g, progress);
                case PollResult.Completed done -> complete(g, done.outputs());
                case PollResult.Failed failed -> failure(g, failed.failure());
            };
        } catch (RuntimeException e) {
            boolean interrupted = Thread.interrupted();
            meters.threw(g.provider(), called);
            if (endedMeanwhile(id)) {
                return Step.DONE; // interrupted because it was canceled or timed out
            }
            if (interrupted) {
                // this node is stopping (db-scheduler interrupts its workers): not the provider's
                // failure, so no attempt is counted; the step runs again on whichever node polls next
                log.info("Generation {} was interrupted as this node stops; its next step runs later", id);
                return new Step.Again(Duration.ZERO);
            }
            log.warn("Provider {} failed on generation {}", g.provider(), id, e);
            return failure(g, ProviderFailure.transientFailure("provider_error", describe(e), null));
        } finally {
            running.leave(id);
        }
    }

    /**
     * While the provider of a job's model is not accepting work (its breaker is open), a model
     * with a fallback runs on the fallback: the job records which model ran and is priced by it
     * (never above what was held).
     */
    private Generation fallBackIfDown(Generation g) {
        var provider = providers.find(g.provider());
        if (provider.isEmpty() || provider.get().accepting() || g.ranModel() != null) {
            return g;
        }
        String fallback = pricing.fallbackOf(g.model());
        if (fallback == null || providers.find(pricing.providerOf(fallback)).map(p -> !p.accepting()).orElse(true)) {
            return g;
        }
        var priced = pricing.fallback(g, fallback).orElse(null);
        if (priced == null || !rows.runOn(g.id(), fallback, priced.provider(), priced.params(), priced.priceSnapshot(),
                clock.instant())) {
            return g;
        }
        log.info("Generation {} runs on fallback {}: the provider of {} is unavailable", g.id(), fallback, g.model());
        return rows.find(g.id()).orElse(g);
    }

    /**
     * A provider's notice about a job (a verified webhook): handled like a poll's answer. A
     * retryable failure is left to polling.
     */
    boolean deliver(Generation g, Function<ProviderRequest, PollResult> notice) {
        if (!worthAStep(g) || g.providerJobId() == null) {
            return false;
        }
        // not registered with RunningWork: a request thread is not interrupted mid-query when the
        // job ends elsewhere; the compare-and-set settles the race and the loser deletes its outputs
        switch (notice.apply(Providers.request(g))) {
            case PollResult.Running progress -> stillRunning(g, progress);
            case PollResult.Completed done -> complete(g, done.outputs());
            case PollResult.Failed failed -> {
                if (!failed.failure().retryable()) {
                    failure(g, failed.failure());
                }
            }
        }
        return true;
    }

    /** Active jobs get steps; a timed-out provider job is still polled for a late success. */
    private boolean worthAStep(Generation g) {
        if (!g.status().terminal()) {
            return true;
        }
        return g.status() == TIMED_OUT && g.providerJobId() != null && g.finishedAt() != null
                && clock.instant().isBefore(g.finishedAt().plus(properties.lateSuccessWindow()));
    }

    private Step complete(Generation g, List<ProviderOutput> produced) {
        if (produced == null || produced.isEmpty()) {
            outputs.discardFiles(produced);
            transitions.end(g.id(), FAILED, "empty_result", "The provider returned no output");
            return Step.DONE;
        }
        OutputStore.Stored stored = outputs.store(g, produced);
        return switch (stored) {
            case OutputStore.Stored.Assets assets -> {
                if (!transitions.succeed(g.id(), assets.assets())) {
                    outputs.delete(g.ownerId(), assets.assets()); // canceled meanwhile: nobody pays, nothing kept
                }
                yield Step.DONE;
            }
            case OutputStore.Stored.Rejected rejected -> {
                transitions.end(g.id(), FAILED, rejected.code(), rejected.message());
                yield Step.DONE;
            }
            case OutputStore.Stored.Unavailable unavailable ->
                    failure(g, ProviderFailure.transientFailure("storage_unavailable", unavailable.message(), null));
        };
    }

    private Step accepted(Generation g, Submission.Accepted accepted) {
        long interval = pollInterval(null, accepted.pollAfter());
        rows.acceptedByProvider(g.id(), accepted.providerJobId(), interval, clock.instant());
        return new Step.Again(Duration.ofMillis(interval));
    }

    private Step stillRunning(Generation g, PollResult.Running progress) {
        if (g.status() == TIMED_OUT) {
            return new Step.Again(properties.maxPoll());
        }
        long interval = pollInterval(g.pollIntervalMs(), progress.pollAfter());
        rows.polled(g.id(), progress.progress(), interval, clock.instant());
        if (progress.progress() != null && !progress.progress().equals(g.progress())) {
            live.announce(g, g.status().value(), progress.progress());
        }
        return new Step.Again(Duration.ofMillis(interval));
    }

    private Step failure(Generation g, ProviderFailure failure) {
        if (failure.retryable() && g.status() != TIMED_OUT) {
            int attempts = rows.failedAttempt(g.id(), clock.instant());
            if (attempts < properties.maxAttempts()) {
                return new Step.Again(backoff(attempts, failure.retryAfter()));
            }
        }
        if (g.status() != TIMED_OUT) {
            transitions.end(g.id(), FAILED, failure.code(), failure.message());
        }
        return Step.DONE;
    }

    /** Exponential backoff with jitter, never shorter than the provider's own hint. */
    private Duration backoff(int attempts, Duration retryAfter) {
        long base = properties.retryBase().toMillis() << Math.min(attempts - 1, 16);
        long capped = Math.min(base, properties.retryMax().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return retryAfter != null && retryAfter.toMillis() > jittered ? retryAfter : Duration.ofMillis(jittered);
    }

    /** The provider's hint when it gave one, else half as long again as last time, within bounds. */
    private long pollInterval(Long previous, Duration hint) {
        long max = properties.maxPoll().toMillis();
        if (hint != null) {
            return Math.clamp(hint.toMillis(), 100, max);
        }
        return previous == null ? properties.firstPoll().toMillis() : Math.min(max, previous * 3 / 2);
    }

    private boolean endedMeanwhile(UUID id) {
        return rows.find(id).map(now -> now.status().terminal()).orElse(true);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
