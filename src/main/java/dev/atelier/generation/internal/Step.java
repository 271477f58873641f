package dev.atelier.generation.internal;

import java.time.Instant;

/** What the worker does after one step of a job: nothing more, or another step later. */
sealed interface Step {

    Step DONE = new Done();

    record Done() implements Step {
    }

    record Again(Instant at) implements Step {
    }
}
