package dev.atelier.credits;

import dev.atelier.platform.ApiException;
import org.springframework.http.HttpStatus;

/** What asking for an active-job slot did. */
public sealed interface JobSlot {

    /**
     * The job holds a slot.
     *
     * @param active the user's active jobs including this one
     * @param alreadyHeld true when this job held its slot before (nothing new was taken)
     */
    record Taken(int active, int limit, boolean alreadyHeld) implements JobSlot {
    }

    /** Every slot is taken: nothing was taken. */
    record Full(int active, int limit) implements JobSlot {

        /** The problem a controller answers with: 429 {@code too_many_active_jobs}. */
        public ApiException problem() {
            return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_active_jobs",
                    "You have " + active + " jobs running, the most allowed at once is " + limit
                            + "; wait for one to finish")
                    .with("active", active)
                    .with("limit", limit)
                    .header("Retry-After", "5");
        }
    }
}
