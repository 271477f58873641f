package dev.atelier.generation;

import java.time.Duration;

/**
 * Why provider work failed. Retryable failures (timeouts, 5xx, 429) are tried again with
 * backoff, honouring {@code retryAfter} when the provider gave one; others end the job at once.
 */
public record ProviderFailure(boolean retryable, String code, String message, Duration retryAfter) {

    public static ProviderFailure permanent(String code, String message) {
        return new ProviderFailure(false, code, message, null);
    }

    public static ProviderFailure transientFailure(String code, String message, Duration retryAfter) {
        return new ProviderFailure(true, code, message, retryAfter);
    }
}
