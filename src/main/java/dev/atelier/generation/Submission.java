package dev.atelier.generation;

import java.time.Duration;
import java.util.List;

/** What submitting work to a provider did. */
public sealed interface Submission {

    /** The provider answered with the outputs straight away. */
    record Completed(List<ProviderOutput> outputs) implements Submission {
    }

    /** The provider took the work as a job to poll, first after {@code pollAfter} (null: our default). */
    record Accepted(String providerJobId, Duration pollAfter) implements Submission {
    }

    record Failed(ProviderFailure failure) implements Submission {
    }
}
