package dev.atelier.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.atelier.platform.scheduling.WorkWakeups;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules durable background work. Inside a transaction the work is stored with it (and
 * vanishes if it rolls back); once committed the local executor is woken at once instead of
 * waiting for its next poll, which is what makes submit-to-running take milliseconds.
 *
 * <p>Work of a task this node does not run (another role's) wakes the nodes that run it instead,
 * through PostgreSQL {@code NOTIFY} on commit ({@code WorkWakeups}).
 *
 * <p>Work is scheduled by the scheduler's own clock (real time), not the injected business
 * {@code Clock}: deadlines and expiries are business time (tests move it), but "run this in
 * two seconds" must mean two real seconds, or a moved clock would park work in the future.
 */
@Component
public class BackgroundWork {

    private static final SystemClock SCHEDULER_TIME = new SystemClock();

    // lazy: the scheduler is built from the task beans, whose handlers schedule work themselves
    private final ObjectProvider<Scheduler> scheduler;
    private final ObjectProvider<WorkWakeups> wakeups;

    BackgroundWork(ObjectProvider<Scheduler> scheduler, ObjectProvider<WorkWakeups> wakeups) {
        this.scheduler = scheduler;
        this.wakeups = wakeups;
    }

    /** Schedules {@code instance} to run now unless it already exists (then false). */
    public <T> boolean scheduleNow(TaskInstance<T> instance) {
        return scheduleAfter(instance, Duration.ZERO);
    }

    /** Schedules {@code instance} to run after {@code delay} unless it already exists (then false). */
    public <T> boolean scheduleAfter(TaskInstance<T> instance, Duration delay) {
        boolean scheduled = scheduler.getObject().scheduleIfNotExists(instance, SCHEDULER_TIME.now().plus(delay));
        if (delay.isZero()) {
            wake(instance.getTaskName());
        }
        return scheduled;
    }

    /**
     * Schedules {@code instance} to run now when its id is new (a fresh random one, never used): stored
     * with one insert and no look-up first (one round trip fewer per submit than {@link #scheduleNow});
     * an instance that exists after all fails the insert, and so the transaction.
     */
    public <T> void scheduleNewNow(TaskInstance<T> instance) {
        scheduler.getObject().scheduleBatch(List.<TaskInstance<?>>of(instance), SCHEDULER_TIME.now());
        wake(instance.getTaskName());
    }

    /** Wakes this node's scheduler after the commit, or, for another role's work, the nodes that run it. */
    private void wake(String taskName) {
        WorkWakeups nodes = wakeups.getObject();
        if (nodes.runsHere(taskName)) {
            AfterCommit.run(() -> scheduler.getObject().triggerCheckForDueExecutions());
        } else {
            nodes.notifyOthers(taskName); // its nodes hear it on commit
        }
    }
}
