package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.atelier.platform.database.Notifications;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes the nodes that run a task when work for it is scheduled on a node that does not (an
 * API-only node submitting a generation, an API node without {@code render} starting an export):
 * a {@code NOTIFY} on {@value #CHANNEL}, sent in the transaction that schedules the work, so it
 * arrives when the work is committed. Nodes that run the task {@code LISTEN} and check for due
 * work at once instead of at their next poll. Work a node runs itself wakes only itself, as before
 * (no NOTIFY: PostgreSQL serialises notifying commits).
 */
@Component
public class WorkWakeups {

    static final String CHANNEL = "atelier_work_due";

    private final JdbcClient jdbc;
    private final Set<String> mine;
    private final ObjectProvider<Scheduler> scheduler;

    /** Only a node that runs tasks listens (on the node's one listening connection, {@link Notifications}). */
    WorkWakeups(JdbcClient jdbc, NodeTasks tasks, ObjectProvider<Scheduler> scheduler, Notifications notifications) {
        this.jdbc = jdbc;
        this.mine = Set.copyOf(tasks.names());
        this.scheduler = scheduler;
        if (!mine.isEmpty()) {
            notifications.subscribe(CHANNEL, this::woken);
        }
    }

    /** Whether this node runs {@code task} itself (then waking its own scheduler is enough). */
    public boolean runsHere(String task) {
        return mine.contains(task);
    }

    /** Tells the nodes that run {@code task}, when the current transaction commits (at once without one). */
    public void notifyOthers(String task) {
        jdbc.sql("select pg_notify(:channel, :task)").param("channel", CHANNEL).param("task", task).query().listOfRows();
    }

    private void woken(String task) {
        if (mine.contains(task)) {
            scheduler.getObject().triggerCheckForDueExecutions();
        }
    }
}
