package dev.atelier.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.ObjectMapper;

/**
 * The db-scheduler {@link Scheduler}, built by hand (its Boot starter makes none on Boot 4) from
 * every {@link Task} bean; tasks that are also {@link OnStartup} (recurring ones) are started.
 *
 * <p>It sees the DataSource through a transaction-aware proxy, so work scheduled inside a
 * transaction is committed or rolled back with it. It starts once every bean is ready (the
 * migrations have run by then) and stops gracefully before the database goes. Heartbeats are
 * short so a dead node's work is taken over in about 20 s rather than db-scheduler's 30 min. Due
 * work is claimed with lock-and-fetch (see below).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties,
            ObjectMapper json) {
        // startTasks(...) registers its tasks as known tasks too: passing them twice is a duplicate-name error
        List startTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(startTasks)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // on PostgreSQL one UPDATE … FOR UPDATE SKIP LOCKED … RETURNING claims a batch of due
                // executions: one round trip and commit per poll instead of a select and then one
                // compare-and-set per execution
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownWait())
                .serializer(new JsonTaskSerializer(json))
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
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
