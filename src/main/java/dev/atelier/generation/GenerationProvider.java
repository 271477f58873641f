package dev.atelier.generation;

/**
 * The port a model provider implements (one bean per provider, found by {@link #id()}, which is
 * the catalog's {@code provider}). Calls run on background workers, never on request threads.
 *
 * <p>Implementations report outcomes as values: an exception escaping a call is treated as a
 * retryable failure with code {@code provider_error}.
 */
public interface GenerationProvider {

    String id();

    /** Starts the work: it is done at once, accepted as a provider job to poll, or failed. */
    Submission submit(ProviderRequest request);

    /** Asks how a provider job is going. */
    PollResult poll(ProviderRequest request, String providerJobId);

    /**
     * Asks the provider to stop the work ({@code providerJobId} is null when it was never
     * accepted as a job); best effort, the state machine does not wait for it. Work running on
     * this node is also interrupted by the engine.
     */
    void cancel(ProviderRequest request, String providerJobId);

    /**
     * Whether the provider takes new work right now; false while its circuit breaker is open, when
     * a model with a fallback runs on the fallback instead.
     */
    default boolean accepting() {
        return true;
    }
}
