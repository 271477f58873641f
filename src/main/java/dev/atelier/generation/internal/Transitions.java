package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.QUEUED;
import static dev.atelier.generation.GenerationStatus.RUNNING;
import static dev.atelier.generation.GenerationStatus.SUCCEEDED;
import static dev.atelier.generation.GenerationStatus.TIMED_OUT;

import dev.atelier.credits.ActiveJobs;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Settlement;
import dev.atelier.generation.GenerationFinished;
import dev.atelier.generation.GenerationProperties;
import dev.atelier.generation.GenerationStatus;
import dev.atelier.generation.GenerationSucceeded;
import dev.atelier.media.Asset;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a generation between states and settles its money in the same transaction. The row's
 * compare-and-set decides who wins when a poll, a webhook, a cancel, the sweeper and another
 * node race; only the winner captures or releases, and the credits API is itself idempotent
 * per hold, so a job is settled exactly once.
 */
@Component
class Transitions {

    private final GenerationRows rows;
    private final Credits credits;
    private final ActiveJobs activeJobs;
    private final Pricing pricing;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;
    private final OutputStore outputs;
    private final GenerationProperties properties;
    private final Clock clock;

    Transitions(GenerationRows rows, Credits credits, ActiveJobs activeJobs, Pricing pricing, LiveUpdates live,
            ApplicationEventPublisher events, OutputStore outputs, GenerationProperties properties, Clock clock) {
        this.rows = rows;
        this.credits = credits;
        this.activeJobs = activeJobs;
        this.pricing = pricing;
        this.live = live;
        this.events = events;
        this.outputs = outputs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * queued → running when the job is queued, and the job as it is then (empty when it is gone);
     * the start and its announcement are one statement, so they commit together.
     */
    Optional<GenerationRows.Stepped> startIfQueued(UUID id) {
        return rows.startIfQueued(id, clock.instant(), live.data(id, RUNNING.value(), null, List.of()));
    }

    /**
     * Records the stored outputs: a running job succeeds and pays the actual cost; a job that
     * timed out less than a day ago succeeds late and pays nothing. Anything else (canceled,
     * failed, already succeeded) refuses them: the caller deletes the assets.
     */
    @Transactional
    boolean succeed(UUID id, List<Asset> outputs) {
        Generation g = rows.find(id).orElse(null);
        if (g == null) {
            return false;
        }
        Instant now = clock.instant();
        List<UUID> assetIds = outputs.stream().map(Asset::id).toList();
        String announcement = live.data(id, SUCCEEDED.value(), 100, assetIds); // with the finish: commits with it
        Generation after;
        if (g.status() == RUNNING) {
            long cost = Math.min(pricing.actualCost(g, outputs), g.costHeld());
            after = rows.finish(id, RUNNING, SUCCEEDED, cost, g.costHeld() - cost, null, null, false, now, assetIds,
                    announcement).orElse(null);
            if (after == null) {
                return false;
            }
            Settlement settlement = credits.capture(g.holdId(), cost);
            if (settlement.alreadySettled()) {
                // cannot happen while every settlement goes through here; roll the state change back
                throw new IllegalStateException("the hold of generation " + id + " was settled outside its state machine");
            }
        } else if (g.status() == TIMED_OUT && g.finishedAt() != null
                && now.isBefore(g.finishedAt().plus(properties.lateSuccessWindow()))) {
            after = rows.finish(id, TIMED_OUT, SUCCEEDED, 0L, null, null, null, true, now, assetIds, announcement)
                    .orElse(null);
            if (after == null) {
                return false;
            }
        } else {
            return false;
        }
        activeJobs.release(g.reference());
        events.publishEvent(new GenerationSucceeded(id, g.ownerId(), g.model(), assetIds));
        announceFinished(after, SUCCEEDED, this.outputs.describe(outputs));
        return true;
    }

    /**
     * Ends an active job as failed, canceled or timed out, with its reason, and gives the hold
     * back; false when it had already ended.
     */
    @Transactional
    boolean end(UUID id, GenerationStatus to, String code, String message) {
        Generation g = rows.find(id).orElse(null);
        if (g == null || (g.status() != QUEUED && g.status() != RUNNING)) {
            return false;
        }
        Generation after = rows.finish(id, g.status(), to, 0L, g.costHeld(), code, truncate(message), false,
                clock.instant(), List.of(), live.data(id, to.value(), g.progress(), List.of())).orElse(null);
        if (after == null) {
            return false;
        }
        credits.release(g.holdId(), to.value() + ": " + code);
        activeJobs.release(g.reference());
        announceFinished(after, to, outputs.describe(after.ownerId(), after.outputs()));
        return true;
    }

    /**
     * Tells listeners (webhooks) in this transaction, with the generation as the API shows it now
     * ({@code after}: as the finishing statement answered it, so it is not read again).
     */
    private void announceFinished(Generation after, GenerationStatus status, List<OutputStore.OutputView> described) {
        events.publishEvent(new GenerationFinished(after.id(), after.ownerId(), status.value(),
                GenerationView.of(after, described)));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }
}
