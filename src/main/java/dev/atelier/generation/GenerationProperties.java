package dev.atelier.generation;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the generation engine.
 *
 * @param defaultTimeout how long a job may take before the sweeper ends it {@code timed_out}
 * @param timeouts per-model overrides, e.g. {@code atelier.generation.timeouts.[local/motion]=2m}
 * @param lateSuccessWindow how long after a timeout a late success is still stored (free of charge)
 * @param maxAttempts retryable provider failures in a row before the job fails
 * @param retryBase first backoff after a retryable failure (doubled each time, with jitter)
 * @param retryMax longest backoff
 * @param firstPoll first poll of a provider job when the provider gives no hint
 * @param maxPoll longest interval between polls
 * @param sweepInterval how often overdue jobs are looked for
 * @param heartbeat how often live event streams send a keep-alive comment
 */
@ConfigurationProperties("atelier.generation")
public record GenerationProperties(
        @DefaultValue("10m") Duration defaultTimeout,
        @DefaultValue Map<String, Duration> timeouts,
        @DefaultValue("24h") Duration lateSuccessWindow,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration retryBase,
        @DefaultValue("60s") Duration retryMax,
        @DefaultValue("1s") Duration firstPoll,
        @DefaultValue("30s") Duration maxPoll,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("15s") Duration heartbeat) {

    public Duration timeoutOf(String model) {
        return timeouts.getOrDefault(model, defaultTimeout);
    }
}
