package dev.atelier.media.library;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.media.MediaProperties;
import dev.atelier.platform.node.LocalSweep;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retention of what nodes share (assets, reservations, bucket blobs) runs on one node at a time,
 * every {@code atelier.media.retention-interval}; each node sweeps its own spool as often.
 */
@Configuration(proxyBeanMethods = false)
class RetentionTaskConfiguration {

    @RunsOn(NodeRole.JOBS)
    @Bean
    RecurringTask<Void> mediaRetentionTask(MediaRetention retention, MediaProperties properties) {
        return Tasks.recurring("media-retention", FixedDelay.of(properties.retentionInterval()))
                .execute((instance, context) -> retention.runShared());
    }

    /** The spool is where this node's uploads arrive: every node sweeps its own. */
    @Bean
    LocalSweep spoolSweep(MediaRetention retention, MediaProperties properties) {
        return new LocalSweep() {
            @Override
            public String name() {
                return "spool_folders";
            }

            @Override
            public Duration interval() {
                return properties.retentionInterval();
            }

            @Override
            public int sweep() {
                return retention.sweepSpool();
            }
        };
    }
}
