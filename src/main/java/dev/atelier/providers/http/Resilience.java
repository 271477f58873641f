package dev.atelier.providers.http;

import dev.atelier.generation.ProviderFailure;
import dev.atelier.providers.ProvidersProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Resilience4j for every remote provider, one of each per provider: a circuit breaker (5xx,
 * timeouts and unreachable count as failures; a refusal of the request does not), a bulkhead
 * (calls in flight from this node) and retries with jittered exponential backoff that honour the
 * provider's {@code Retry-After}. A wait longer than {@code retryMaxWait} is not spent in the
 * call: the failure goes back to the job, which the engine reschedules after it. Breaker and
 * bulkhead states are Prometheus metrics ({@code resilience4j_circuitbreaker_state{name=…}}).
 */
@Component
public class Resilience {

    /** Retryable codes that say the provider is down rather than busy or the request is wrong. */
    private static final Set<String> OUTAGES = Set.of("provider_unavailable", "provider_timeout", "provider_unreachable");

    /** Failures after which the provider surely did not take the work, so a create may be repeated. */
    private static final Set<String> NOT_ACCEPTED = Set.of("rate_limited", "provider_unreachable", "provider_busy");

    private final ProvidersProperties.Resilience settings;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    public Resilience(ProvidersProperties properties, MeterRegistry meters) {
        this.settings = properties.resilience();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRate())
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordResult(result -> result instanceof Reply.Failed failed && OUTAGES.contains(failed.failure().code()))
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    /** The guard of one provider. */
    public Guard guard(String provider, int maxConcurrent) {
        CircuitBreaker breaker = breakers.circuitBreaker(provider);
        Bulkhead bulkhead = bulkheads.bulkhead(provider, BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, maxConcurrent)).maxWaitDuration(Duration.ofMillis(200)).build());
        return new Guard(provider, breaker, bulkhead);
    }

    public final class Guard {

        private final String provider;
        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;
        private final Retry anyRetry;
        private final Retry notAcceptedRetry;

        Guard(String provider, CircuitBreaker breaker, Bulkhead bulkhead) {
            this.provider = provider;
            this.breaker = breaker;
            this.bulkhead = bulkhead;
            this.anyRetry = retry(provider, reply -> true);
            this.notAcceptedRetry = retry(provider + "-create", reply -> reply instanceof Reply.Failed failed
                    && NOT_ACCEPTED.contains(failed.failure().code()));
        }

        private Retry retry(String name, java.util.function.Predicate<Reply> safe) {
            return Retry.of(name, RetryConfig.<Reply>custom()
                    .maxAttempts(Math.max(1, settings.maxAttempts()))
                    .retryOnException(e -> false)
                    .retryOnResult(reply -> worthRetrying(reply) && safe.test(reply))
                    .intervalBiFunction(this::wait)
                    .failAfterMaxAttempts(false)
                    .build());
        }

        public boolean accepting() {
            return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
        }

        public CircuitBreaker breaker() {
            return breaker;
        }

        /**
         * Runs {@code call}. An {@code idempotent} call (a read, a cancel) is tried again on any
         * retryable failure; a create only when the provider surely did not take it (429, not
         * reachable): after a timeout or a 5xx it may have, and the job's own retry decides.
         */
        public Reply run(Supplier<Reply> call, boolean idempotent) {
            Retry retry = idempotent ? anyRetry : notAcceptedRetry;
            Supplier<Reply> guarded = Retry.decorateSupplier(retry,
                    CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)));
            try {
                return guarded.get();
            } catch (CallNotPermittedException e) {
                return new Reply.Failed(ProviderFailure.transientFailure("provider_unavailable",
                        provider + " is unavailable (its circuit breaker is open)", settings.openFor()));
            } catch (BulkheadFullException e) {
                return new Reply.Failed(ProviderFailure.transientFailure("provider_busy",
                        "Too many calls to " + provider + " at once from this node", Duration.ofSeconds(1)));
            }
        }

        private boolean worthRetrying(Reply reply) {
            if (!(reply instanceof Reply.Failed failed) || !failed.failure().retryable()) {
                return false;
            }
            Duration hint = failed.failure().retryAfter();
            return hint == null || hint.compareTo(settings.retryMaxWait()) <= 0;
        }

        private long wait(int attempt, Either<Throwable, Reply> outcome) {
            long base = settings.retryBase().toMillis() << Math.min(attempt - 1, 16);
            long capped = Math.min(base, settings.retryMaxWait().toMillis());
            long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
            if (outcome.isRight() && outcome.get() instanceof Reply.Failed failed && failed.failure().retryAfter() != null) {
                return Math.max(jittered, failed.failure().retryAfter().toMillis());
            }
            return jittered;
        }
    }
}
