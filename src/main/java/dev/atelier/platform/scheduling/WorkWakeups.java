package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
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
public class WorkWakeups implements SmartLifecycle {

    static final String CHANNEL = "atelier_work_due";
    private static final Logger log = LoggerFactory.getLogger(WorkWakeups.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Set<String> mine;
    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean listening;
    private Thread listener;

    WorkWakeups(DataSource dataSource, JdbcClient jdbc, NodeTasks tasks, ObjectProvider<Scheduler> scheduler) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.mine = Set.copyOf(tasks.names());
        this.scheduler = scheduler;
    }

    /** Whether this node runs {@code task} itself (then waking its own scheduler is enough). */
    public boolean runsHere(String task) {
        return mine.contains(task);
    }

    /** Tells the nodes that run {@code task}, when the current transaction commits (at once without one). */
    public void notifyOthers(String task) {
        jdbc.sql("select pg_notify(:channel, :task)").param("channel", CHANNEL).param("task", task).query().listOfRows();
    }

    private void listen() {
        while (listening) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (mine.contains(notification.getParameter())) {
                                scheduler.getObject().triggerCheckForDueExecutions();
                                break;
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    log.warn("The work wake-up listener lost its connection; reconnecting", e);
                    try {
                        TimeUnit.SECONDS.sleep(1);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Only a node that runs tasks listens (it holds one connection for it). */
    @Override
    public void start() {
        if (!mine.isEmpty()) {
            listening = true;
            listener = Thread.ofPlatform().daemon().name("work-wakeups").start(this::listen);
        }
    }

    @Override
    public void stop() {
        listening = false;
        if (listener != null) {
            try {
                listener.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listening;
    }
}
