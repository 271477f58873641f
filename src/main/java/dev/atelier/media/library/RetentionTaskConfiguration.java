package dev.atelier.media.library;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.media.MediaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention runs on one node at a time, every {@code atelier.media.retention-interval}. */
@Configuration(proxyBeanMethods = false)
class RetentionTaskConfiguration {

    @Bean
    RecurringTask<Void> mediaRetentionTask(MediaRetention retention, MediaProperties properties) {
        return Tasks.recurring("media-retention", FixedDelay.of(properties.retentionInterval()))
                .execute((instance, context) -> retention.run());
    }
}
