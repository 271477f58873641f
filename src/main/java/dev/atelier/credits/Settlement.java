package dev.atelier.credits;

import java.util.UUID;

/**
 * How a hold was settled. Settling is idempotent: a second capture or release, or a release after
 * a capture, moves nothing and answers the first settlement with {@code alreadySettled} set.
 */
public sealed interface Settlement {

    UUID holdId();

    boolean alreadySettled();

    /** {@code amount} credits were spent; the {@code released} rest of the hold went back. */
    record Captured(UUID holdId, long amount, long released, boolean alreadySettled) implements Settlement {
    }

    /** The whole hold of {@code amount} credits went back. */
    record Released(UUID holdId, long amount, boolean alreadySettled) implements Settlement {
    }
}
