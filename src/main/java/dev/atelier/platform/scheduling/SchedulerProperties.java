package dev.atelier.platform.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the background scheduler (db-scheduler).
 *
 * @param threads worker threads per node
 * @param pollingInterval how often a node looks for due work it was not woken for
 * @param heartbeatInterval how often a running task proves its node is alive
 * @param missedHeartbeats after this many missed heartbeats another node takes the work over
 * @param shutdownWait how long stopping waits for running tasks to finish
 */
@ConfigurationProperties("atelier.scheduler")
public record SchedulerProperties(
        @DefaultValue("8") int threads,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats,
        @DefaultValue("10s") Duration shutdownWait) {
}
