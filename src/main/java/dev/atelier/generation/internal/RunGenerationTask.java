package dev.atelier.generation.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that moves a generation, one step per execution. Its instance id is the
 * generation id, so a job has at most one task; any node may run it; a node that dies mid-step
 * stops heartbeating and another revives the step. If a step itself throws (the database away,
 * say), it is tried again with backoff; the sweeper ends jobs that never get anywhere.
 */
@Configuration(proxyBeanMethods = false)
class RunGenerationTask {

    static final TaskDescriptor<Void> RUN = TaskDescriptor.of("run-generation", Void.class);

    static TaskInstance<Void> instance(UUID generationId) {
        return RUN.instance(generationId.toString()).build();
    }

    @RunsOn(NodeRole.JOBS)
    @Bean
    CustomTask<Void> runGeneration(GenerationRunner runner) {
        return Tasks.custom(RUN)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2))
                .execute((instance, context) -> {
                    Step next = runner.step(UUID.fromString(instance.getId()));
                    return (complete, operations) -> {
                        if (next instanceof Step.Again again) {
                            operations.reschedule(complete, complete.getTimeDone().plus(again.delay()));
                        } else {
                            operations.remove();
                        }
                    };
                });
    }
}
