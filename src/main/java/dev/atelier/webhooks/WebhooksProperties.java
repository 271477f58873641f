package dev.atelier.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of outbound webhooks.
 *
 * @param workers deliveries in flight at once on this node (their own threads, never the job workers')
 * @param allowPrivateAddresses deliver to loopback, private, link-local, CGNAT and metadata addresses (tests only)
 * @param requireHttps refuse {@code http://} endpoint URLs
 * @param timeout connect timeout, and the longest wait for each read of the answer
 * @param maxResponse the most of an answer that is read
 * @param firstRetry the delay before the first retry; each next one is {@code backoffFactor} times longer
 * @param backoffFactor growth of the delay between attempts
 * @param maxRetryDelay the longest delay between attempts
 * @param jitter each delay is moved at random by up to this fraction, either way
 * @param retryFor how long after its first attempt a delivery is retried
 * @param disableAfterFailures failed attempts in a row after which an endpoint is disabled ...
 * @param disableAfterFailingFor ... when it has also been failing for at least this long
 * @param rotationOverlap how long the previous secret still signs after a rotation
 * @param creditsLowThreshold the {@code credits.low} threshold of users who have not set one
 * @param maxEndpointsPerUser endpoints one user may have
 * @param retention finished deliveries and their attempts are deleted after this long
 * @param pollingInterval how often the delivery workers look for due work they were not woken for
 */
@ConfigurationProperties("atelier.webhooks")
public record WebhooksProperties(
        @DefaultValue("4") int workers,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("true") boolean requireHttps,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("64KB") DataSize maxResponse,
        @DefaultValue("5s") Duration firstRetry,
        @DefaultValue("4") double backoffFactor,
        @DefaultValue("12h") Duration maxRetryDelay,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("3d") Duration retryFor,
        @DefaultValue("20") int disableAfterFailures,
        @DefaultValue("24h") Duration disableAfterFailingFor,
        @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("20") long creditsLowThreshold,
        @DefaultValue("20") int maxEndpointsPerUser,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1s") Duration pollingInterval) {
}
