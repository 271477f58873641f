package dev.atelier.render.internal;

import java.time.Duration;

/** What the render task does after one execution: nothing more, or run again after a while. */
sealed interface Step {

    Step DONE = new Done();

    record Done() implements Step {
    }

    record Again(Duration delay) implements Step {
    }
}
