package dev.atelier.generation.internal;

import java.time.Duration;

/** What the worker does after one step of a job: nothing more, or another step later. */
sealed interface Step {

    Step DONE = new Done();

    record Done() implements Step {
    }

    /** Another step after {@code delay} (scheduler time: real seconds, whatever the business clock says). */
    record Again(Duration delay) implements Step {
    }
}
