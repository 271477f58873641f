package dev.atelier.generation.internal;

import static dev.atelier.generation.GenerationStatus.CANCELED;
import static dev.atelier.generation.GenerationStatus.FAILED;
import static dev.atelier.generation.GenerationStatus.QUEUED;
import static dev.atelier.generation.GenerationStatus.RUNNING;
import static dev.atelier.generation.GenerationStatus.SUCCEEDED;
import static dev.atelier.generation.GenerationStatus.TIMED_OUT;

import dev.atelier.generation.GenerationStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one list of allowed state changes. Every change is also a compare-and-set on the row, so
 * whoever comes second (a poll, a webhook, a cancel, the sweeper, another node) changes nothing.
 *
 * <p>{@code timed_out → succeeded} is the late success: outputs that arrive within a day of a
 * timeout are still stored and shown, free of charge (the hold was released at the timeout).
 */
final class GenerationStates {

    private static final Map<GenerationStatus, Set<GenerationStatus>> ALLOWED = new EnumMap<>(Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELED, FAILED, TIMED_OUT),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELED, TIMED_OUT),
            TIMED_OUT, EnumSet.of(SUCCEEDED),
            SUCCEEDED, EnumSet.noneOf(GenerationStatus.class),
            FAILED, EnumSet.noneOf(GenerationStatus.class),
            CANCELED, EnumSet.noneOf(GenerationStatus.class)));

    private GenerationStates() {
    }

    static boolean allowed(GenerationStatus from, GenerationStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    static void require(GenerationStatus from, GenerationStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("a generation cannot go from " + from + " to " + to);
        }
    }

    /** What leaving {@code from} for {@code to} does with the hold. */
    static Money money(GenerationStatus from, GenerationStatus to) {
        require(from, to);
        if (to == SUCCEEDED) {
            return from == TIMED_OUT ? Money.NOTHING : Money.CAPTURE;
        }
        return to == RUNNING ? Money.NOTHING : Money.RELEASE;
    }

    enum Money {
        CAPTURE,
        RELEASE,
        NOTHING
    }
}
