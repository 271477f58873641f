package dev.atelier.render.internal;

import static dev.atelier.render.internal.RenderStatus.CANCELED;
import static dev.atelier.render.internal.RenderStatus.FAILED;
import static dev.atelier.render.internal.RenderStatus.QUEUED;
import static dev.atelier.render.internal.RenderStatus.RUNNING;
import static dev.atelier.render.internal.RenderStatus.SUCCEEDED;
import static dev.atelier.render.internal.RenderStatus.TIMED_OUT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one list of an export's allowed state changes and what each does with its hold: the
 * transitions ask this table, they do not decide the money again. Every change is also a
 * compare-and-set on the row, so whoever comes second (a worker's late callback, a cancel, the
 * sweeper, another node) changes nothing. {@code running → running} is a rerun after a node died.
 */
final class RenderStates {

    private static final Map<RenderStatus, Set<RenderStatus>> ALLOWED = new EnumMap<>(Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELED, FAILED, TIMED_OUT),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELED, TIMED_OUT),
            SUCCEEDED, EnumSet.noneOf(RenderStatus.class),
            FAILED, EnumSet.noneOf(RenderStatus.class),
            CANCELED, EnumSet.noneOf(RenderStatus.class),
            TIMED_OUT, EnumSet.noneOf(RenderStatus.class)));

    enum Money {
        CAPTURE, RELEASE, NOTHING
    }

    private RenderStates() {
    }

    static boolean allowed(RenderStatus from, RenderStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** What leaving {@code from} for {@code to} does with the hold; a change not in the table is a bug. */
    static Money money(RenderStatus from, RenderStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("an export cannot go from " + from + " to " + to);
        }
        return switch (to) {
            case SUCCEEDED -> Money.CAPTURE;
            case RUNNING -> Money.NOTHING;
            default -> Money.RELEASE;
        };
    }
}
