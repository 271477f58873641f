package dev.atelier.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules durable background work. Inside a transaction the work is stored with it (and
 * vanishes if it rolls back); once committed the local executor is woken at once instead of
 * waiting for its next poll, which is what makes submit-to-running take milliseconds.
 */
@Component
public class BackgroundWork {

    // lazy: the scheduler is built from the task beans, whose handlers schedule work themselves
    private final ObjectProvider<Scheduler> scheduler;

    BackgroundWork(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules {@code instance} at {@code when}, replacing nothing: false if it already exists. */
    public <T> boolean scheduleIfAbsent(TaskInstance<T> instance, Instant when) {
        boolean scheduled = scheduler.getObject().scheduleIfNotExists(instance, when);
        wakeAfterCommit();
        return scheduled;
    }

    /** Moves an existing instance to {@code when}; false if it does not exist (anymore). */
    public boolean reschedule(TaskInstance<?> instance, Instant when) {
        boolean moved = scheduler.getObject().reschedule(instance, when);
        wakeAfterCommit();
        return moved;
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.getObject().triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.getObject().triggerCheckForDueExecutions();
        }
    }
}
