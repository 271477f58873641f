package dev.atelier.providers;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the model providers. A remote provider is switched on by its key (ComfyUI, which
 * has none, by its base URL): one environment variable each, e.g.
 * {@code ATELIER_PROVIDERS_OPENAI_API_KEY}. See docs/providers.md.
 *
 * @param local the offline models
 * @param publicUrl Atelier's own public base URL, which providers call webhooks on; without it only polling is used
 * @param maxOutputSize the largest file a provider may hand back
 * @param resilience retries, circuit breaker and bulkhead, the same rules for each provider (each has its own)
 */
@ConfigurationProperties("atelier.providers")
public record ProvidersProperties(
        @DefaultValue Local local,
        @DefaultValue Remote openai,
        @DefaultValue Remote replicate,
        @DefaultValue Remote veo,
        @DefaultValue Remote fal,
        @DefaultValue Remote elevenlabs,
        @DefaultValue Remote comfyui,
        URI publicUrl,
        @DefaultValue("1GB") DataSize maxOutputSize,
        @DefaultValue Resilience resilience) {

    /**
     * @param enabled whether the offline models run on this node
     * @param concurrency renders at once on this node (they use whole cores); 0 means one per core
     */
    public record Local(@DefaultValue("true") boolean enabled, @DefaultValue("0") int concurrency) {

        public int permits() {
            return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * One remote provider.
     *
     * @param apiKey its key; blank leaves the provider off (its models are listed as unavailable)
     * @param baseUrl its API (a fake or an API-compatible server); blank: the provider's own
     * @param webhookSecret the signing secret of its webhooks (Standard Webhooks {@code whsec_…}); blank: webhooks answer 503
     * @param keysUrl where fal's webhook public keys (JWKS) are fetched from; blank: fal's own
     * @param timeout longest wait for one HTTP call
     * @param maxConcurrent calls in flight at once from this node (the bulkhead)
     * @param workflows ComfyUI: a directory of workflow templates ({@code <name>.json}); blank: the bundled ones
     */
    public record Remote(String apiKey, URI baseUrl, String webhookSecret, URI keysUrl,
            @DefaultValue("60s") Duration timeout, @DefaultValue("16") int maxConcurrent, String workflows) {

        public boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        public URI baseUrlOr(String fallback) {
            return baseUrl != null && !baseUrl.toString().isBlank() ? baseUrl : URI.create(fallback);
        }
    }

    /**
     * @param maxAttempts tries of one call (first included) when the provider says to come back soon
     * @param retryBase first wait between tries (doubled each time, with jitter)
     * @param retryMaxWait the longest wait worth spending in a call; a longer {@code Retry-After} goes back to
     *     the job, which is rescheduled after it
     * @param failureRate percent of failed calls (5xx, timeouts, unreachable) that opens the breaker
     * @param window calls the failure rate is computed over
     * @param minimumCalls calls before the rate counts
     * @param openFor how long an open breaker refuses calls before trying again
     */
    public record Resilience(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration retryBase,
            @DefaultValue("10s") Duration retryMaxWait,
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {
    }
}
