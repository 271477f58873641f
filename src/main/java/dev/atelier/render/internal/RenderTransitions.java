package dev.atelier.render.internal;

import dev.atelier.credits.ActiveJobs;
import dev.atelier.credits.Credits;
import dev.atelier.credits.Settlement;
import dev.atelier.render.ExportFinished;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an export between states and settles its money in the same transaction, as the table in
 * {@link RenderStates} says. The row's compare-and-set decides who wins when the runner, a cancel,
 * the deadline sweeper, a worker's callback or another node race; only the winner captures or
 * releases (and the credits API is idempotent per hold), so an export is settled exactly once.
 * Every end publishes {@link ExportFinished} in that transaction.
 */
@Component
class RenderTransitions {

    private final ExportRows rows;
    private final Credits credits;
    private final ActiveJobs activeJobs;
    private final RenderNotices notices;
    private final ExportViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RenderTransitions(ExportRows rows, Credits credits, ActiveJobs activeJobs, RenderNotices notices,
            ExportViews views, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.credits = credits;
        this.activeJobs = activeJobs;
        this.notices = notices;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** queued → running (or a rerun of a running export whose node died); false if it had ended. */
    @Transactional
    boolean start(UUID id, String worker) {
        Export e = rows.find(id).orElse(null);
        if (e == null || e.status().terminal()) {
            return false;
        }
        if (!rows.start(id, e.status(), worker, clock.instant())) {
            return false;
        }
        notices.export(e, RenderStatus.RUNNING.value(), 0, null);
        return true;
    }

    /** Progress of a running export; false once it has ended (the caller stops rendering). */
    @Transactional
    boolean progress(UUID id, int percent, Integer etaSeconds) {
        Export e = rows.find(id).orElse(null);
        if (e == null || e.status() != RenderStatus.RUNNING) {
            return false;
        }
        if (rows.progress(id, percent, etaSeconds, clock.instant())) {
            notices.export(e, RenderStatus.RUNNING.value(), Math.max(percent, e.progress()), etaSeconds);
        }
        return true;
    }

    /** running → succeeded with its video; false when it had ended meanwhile (the caller deletes the video). */
    @Transactional
    boolean succeed(UUID id, UUID assetId) {
        Export e = rows.find(id).orElse(null);
        if (e == null || !RenderStates.allowed(e.status(), RenderStatus.SUCCEEDED)) {
            return false;
        }
        long cost = e.costHeld();
        if (!rows.succeed(id, assetId, cost, clock.instant())) {
            return false;
        }
        settle(e, RenderStatus.SUCCEEDED, cost, "succeeded");
        return true;
    }

    /** Ends an active export as failed, canceled or timed out with its reason; credits go back. */
    @Transactional
    boolean end(UUID id, RenderStatus to, String code, String message) {
        Export e = rows.find(id).orElse(null);
        if (e == null || !RenderStates.allowed(e.status(), to) || to == RenderStatus.SUCCEEDED) {
            return false;
        }
        if (!rows.end(id, e.status(), to, code, truncate(message), clock.instant())) {
            return false;
        }
        settle(e, to, 0, to.value() + ": " + code);
        return true;
    }

    private void settle(Export before, RenderStatus to, long cost, String reason) {
        Settlement settlement = switch (RenderStates.money(before.status(), to)) {
            case CAPTURE -> credits.capture(before.holdId(), cost);
            case RELEASE -> credits.release(before.holdId(), reason);
            case NOTHING -> null;
        };
        if (settlement != null && settlement.alreadySettled()) {
            // cannot happen while every settlement goes through here; roll the state change back
            throw new IllegalStateException("the hold of export " + before.id() + " was settled outside its states");
        }
        activeJobs.release(before.reference());
        Export after = rows.find(before.id()).orElseThrow();
        notices.export(after, to.value(), after.progress(), null);
        events.publishEvent(new ExportFinished(after.id(), after.ownerId(), to.value(), views.of(after)));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }
}
