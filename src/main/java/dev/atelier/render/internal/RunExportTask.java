package dev.atelier.render.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.node.RunsOn;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable tasks of rendering. An export is one task whose instance id is the export id: any
 * node may run it, and a node that dies mid-render stops heartbeating so another runs it again
 * from the start (the row says running; the rerun counts an attempt). The sweeper ends exports
 * past their deadline; retention removes old preview windows and input copies.
 */
@Configuration(proxyBeanMethods = false)
class RunExportTask {

    static final TaskDescriptor<Void> RUN = TaskDescriptor.of("run-export", Void.class);
    static final TaskDescriptor<Void> PREVIEW = TaskDescriptor.of("run-preview", Void.class);
    /** One piece of a chunked export (instance {@code <export id>.<n>}); a render-role task. */
    static final TaskDescriptor<Void> CHUNK = TaskDescriptor.of("run-export-chunk", Void.class);

    static TaskInstance<Void> instance(UUID exportId) {
        return RUN.instance(exportId.toString()).build();
    }

    static TaskInstance<Void> preview(UUID previewId) {
        return PREVIEW.instance(previewId.toString()).build();
    }

    static TaskInstance<Void> chunk(String instanceId) {
        return CHUNK.instance(instanceId).build();
    }

    @RunsOn(NodeRole.RENDER)
    @Bean
    CustomTask<Void> runExport(ExportRunner runner) {
        return stepping(RUN, runner::run);
    }

    @RunsOn(NodeRole.RENDER)
    @Bean
    CustomTask<Void> runPreview(PreviewRunner runner) {
        return stepping(PREVIEW, runner::run);
    }

    @RunsOn(NodeRole.RENDER)
    @Bean
    CustomTask<Void> runExportChunk(ChunkRunner runner) {
        return stepping(CHUNK, runner::run, id -> id);
    }

    private static CustomTask<Void> stepping(TaskDescriptor<Void> task, Function<UUID, Step> run) {
        return stepping(task, run, UUID::fromString);
    }

    /** A task whose run says what comes next: run again after a delay, or done. */
    private static <K> CustomTask<Void> stepping(TaskDescriptor<Void> task, Function<K, Step> run,
            Function<String, K> key) {
        return Tasks.custom(task)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2))
                .execute((instance, context) -> {
                    Step next = run.apply(key.apply(instance.getId()));
                    return (complete, operations) -> {
                        if (next instanceof Step.Again again) {
                            operations.reschedule(complete, complete.getTimeDone().plus(again.delay()));
                        } else {
                            operations.remove();
                        }
                    };
                });
    }

    @RunsOn(NodeRole.RENDER)
    @Bean
    RecurringTask<Void> renderSweeperTask(RenderSweeper sweeper) {
        return Tasks.recurring("render-sweeper", FixedDelay.ofSeconds(30))
                .execute((instance, context) -> sweeper.sweep());
    }
}
