package dev.atelier.generation;

import java.time.Duration;
import java.util.List;

/** How a provider job is going. */
public sealed interface PollResult {

    /** Still working; {@code progress} 0–100 when known, {@code pollAfter} the provider's hint. */
    record Running(Integer progress, Duration pollAfter) implements PollResult {
    }

    record Completed(List<ProviderOutput> outputs) implements PollResult {
    }

    record Failed(ProviderFailure failure) implements PollResult {
    }
}
