package dev.atelier.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key} handling.
 *
 * @param ttl how long a key is remembered; after that the same key is a new request
 * @param claimTimeout how long a first request may run before its key counts as abandoned (its node
 *     died) and a retry may run it again under the same claim id
 */
@ConfigurationProperties("atelier.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("60s") Duration claimTimeout) {
}
