package dev.atelier.webhooks.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.platform.AfterCommit;
import dev.atelier.platform.node.NodeProperties;
import dev.atelier.platform.node.NodeRole;
import dev.atelier.platform.scheduling.SchedulerProperties;
import dev.atelier.webhooks.WebhooksProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * The delivery workers: a db-scheduler of their own, on their own table ({@code webhook_tasks})
 * with their own {@code workers} threads, so a slow receiver holds up deliveries and nothing else
 * (the job workers never wait behind it). One task per delivery (instance id = delivery id):
 * durable, claimed by any node, revived from a dead node by heartbeats, scheduled in the
 * transaction that created the delivery. It runs on the injected {@link Clock}, so tests move
 * time instead of waiting for retries. Deliberately not a Spring bean of type {@code Scheduler}
 * or {@code Task}: the application's job scheduler is built from those.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    static final TaskDescriptor<Void> DELIVER = TaskDescriptor.of("webhook-delivery", Void.class);

    private final Scheduler scheduler;
    private final boolean works;
    private volatile boolean running;

    DeliveryWorkers(DataSource dataSource, WebhooksProperties properties, SchedulerProperties scheduling, Clock clock,
            NodeProperties node, ObjectProvider<Deliverer> deliverer, ObjectProvider<DeliveryRows> rows) {
        // a node without the jobs role only schedules deliveries (with the transaction that made them)
        this.works = node.has(NodeRole.JOBS);
        CustomTask<Void> deliver = Tasks.custom(DELIVER)
                // an attempt that itself throws (the database away) is tried again; receivers' failures are answers
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2))
                .execute((instance, context) -> {
                    Optional<Instant> next = deliverer.getObject().attempt(UUID.fromString(instance.getId()));
                    return (complete, operations) -> {
                        if (next.isPresent()) {
                            operations.reschedule(complete, next.get());
                        } else {
                            operations.remove();
                        }
                    };
                });
        RecurringTask<Void> retention = Tasks.recurring("webhook-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> rows.getObject().purge(clock.instant().minus(properties.retention())));
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(deliver))
                .startTasks(retention)
                .tableName("webhook_tasks")
                .threads(properties.workers())
                .executorService(Executors.newFixedThreadPool(properties.workers(),
                        Thread.ofPlatform().daemon().name("webhook-worker-", 1).factory()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(scheduling.heartbeatInterval())
                .missedHeartbeatsLimit(scheduling.missedHeartbeats())
                .shutdownMaxWait(scheduling.shutdownWait())
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .deleteUnresolvedAfter(Duration.ofDays(36_500))
                .enableImmediateExecution()
                .build();
    }

    /** Schedules the delivery's next attempt at {@code at}, with the caller's transaction. */
    void schedule(UUID deliveryId, Instant at) {
        scheduler.scheduleIfNotExists(DELIVER.instance(deliveryId.toString()).build(), at);
        AfterCommit.run(scheduler::triggerCheckForDueExecutions);
    }

    @Override
    public void start() {
        if (works) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (works) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A stopped db-scheduler cannot start again. */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
