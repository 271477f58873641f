package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.atelier.platform.node.NodeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.ObjectMapper;

/**
 * The db-scheduler {@link Scheduler}, built by hand (its Boot starter makes none on Boot 4) from
 * the {@link Task} beans of this node's roles ({@link NodeTasks}); tasks that are also
 * {@link OnStartup} (recurring ones) are started.
 *
 * <p>It sees the DataSource through a transaction-aware proxy, so work scheduled inside a
 * transaction is committed or rolled back with it. It starts once every bean is ready (the
 * migrations have run by then) and stops gracefully before the database goes. Heartbeats are
 * short so a dead node's work is taken over in about 20 s rather than db-scheduler's 30 min. Due
 * work is claimed with lock-and-fetch (see below).
 *
 * <p>Executions of tasks this node did not register (another role's) are never picked, failed or
 * deleted here: db-scheduler puts their names on a node-local exclusion list the first time it
 * fetches one. It would delete every execution of such a name once it has been "unresolved" for
 * {@code deleteUnresolvedAfter} (14 days by default, counted on this node): on a render-only node
 * that is every generation of the cluster, so the clock is set to a century (docs/deploy.md).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    /** Never, in practice: see the class comment. */
    static final Duration NEVER_DELETE_UNRESOLVED = Duration.ofDays(36_500);

    @Bean
    NodeTasks nodeTasks(Map<String, Task<?>> tasks, ConfigurableListableBeanFactory beans, NodeProperties node) {
        return NodeTasks.of(tasks, beans, node);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, NodeTasks tasks, SchedulerProperties properties,
            NodeProperties node, ObjectMapper json) {
        List<Task<?>> mine = tasks.registered();
        // startTasks(...) registers its tasks as known tasks too: passing them twice is a duplicate-name error
        List startTasks = mine.stream().filter(OnStartup.class::isInstance).toList();
        List otherTasks = mine.stream().filter(task -> !(task instanceof OnStartup)).toList();
        log.info("Node {} has roles {}; it runs the tasks {}", node.name(), node.roles(), tasks.names());
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(startTasks)
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // on PostgreSQL one UPDATE … FOR UPDATE SKIP LOCKED … RETURNING claims a batch of due
                // executions: one round trip and commit per poll instead of a select and then one
                // compare-and-set per execution
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownWait())
                .deleteUnresolvedAfter(NEVER_DELETE_UNRESOLVED)
                .serializer(new JsonTaskSerializer(json))
                // no enableImmediateExecution(): it wakes the poller as work is scheduled, inside the
                // scheduling transaction, so that poll mostly finds nothing committed yet; BackgroundWork
                // wakes it after the commit instead (and WorkWakeups on other nodes): one poll per submit
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, NodeTasks tasks) {
        return new SmartLifecycle() {
            private volatile boolean running;

            /** A node with no tasks of its roles (api only) schedules work for others but runs none. */
            @Override
            public void start() {
                if (!tasks.registered().isEmpty()) {
                    scheduler.start();
                }
                running = true;
            }

            /**
             * Runs while the web server still answers (a later phase) and after readiness went down:
             * stops picking, lets running work finish for {@code shutdown-wait}, then interrupts it
             * (the tasks hand an interrupted step back, due at once, for another node).
             */
            @Override
            public void stop() {
                if (!tasks.registered().isEmpty()) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** A stopped db-scheduler cannot start again (its executors are gone), so never pause it. */
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}
