package dev.atelier.generation;

import java.util.function.Function;

/**
 * How a provider's own notice about a job (a verified webhook) reaches the job: the result is
 * handled exactly as a poll's would be, through the same compare-and-set transitions, so a
 * webhook racing a poll settles the job once. Polling keeps running as the fallback.
 */
public interface ProviderCallbacks {

    /**
     * Hands the result of the provider job {@code providerJobId} to its generation. {@code result}
     * is asked with the job's request (e.g. to poll it when the notice carries only an id). A
     * retryable failure changes nothing (polling goes on). False when no job is waiting on it.
     */
    boolean deliver(String provider, String providerJobId, Function<ProviderRequest, PollResult> result);
}
