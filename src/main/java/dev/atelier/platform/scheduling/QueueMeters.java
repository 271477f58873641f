package dev.atelier.platform.scheduling;

import dev.atelier.platform.metrics.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cluster's queues as gauges, per task kind ({@code task}): executions due and waiting
 * ({@code atelier.queue.due}), running ({@code atelier.queue.running}) and how long the oldest due
 * one has waited ({@code atelier.queue.oldest.due.age}, seconds: the "stuck queue" signal). Read
 * from {@code scheduled_tasks} and {@code webhook_tasks} at most every 10 s; every node shows the
 * same cluster-wide numbers (take the max across nodes).
 */
@Component
class QueueMeters {

    record Queue(long due, long running, double oldestDueAge) {
    }

    private static final String QUEUES = """
            select task_name, count(*) filter (where not picked and execution_time <= now()) as due,
                count(*) filter (where picked) as running,
                coalesce(extract(epoch from now() - min(execution_time) filter (where not picked and execution_time <= now())), 0)
                    as oldest
            from %s group by task_name""";

    QueueMeters(JdbcClient jdbc, NodeTasks tasks, MeterRegistry meters) {
        Snapshot<Map<String, Queue>> queues = Snapshot.every(Duration.ofSeconds(10), Map.of(), () -> {
            Map<String, Queue> all = new java.util.HashMap<>();
            for (String table : new String[] {"scheduled_tasks", "webhook_tasks"}) {
                jdbc.sql(QUEUES.formatted(table)).query((rs, n) -> all.put(rs.getString(1),
                        new Queue(rs.getLong(2), rs.getLong(3), rs.getDouble(4)))).list();
            }
            return all;
        });
        Set<String> names = new TreeSet<>(tasks.all().keySet());
        names.addAll(Set.of("webhook-delivery", "webhook-retention"));
        for (String task : names) {
            gauge(meters, "atelier.queue.due", "Executions due and not yet picked", task, queues, Queue::due);
            gauge(meters, "atelier.queue.running", "Executions picked by a node", task, queues, Queue::running);
            Gauge.builder("atelier.queue.oldest.due.age", queues, q -> q.get().getOrDefault(task, EMPTY).oldestDueAge())
                    .description("How long the oldest due execution has waited").baseUnit("seconds")
                    .tag("task", task).strongReference(true).register(meters);
        }
    }

    private static final Queue EMPTY = new Queue(0, 0, 0);

    private static void gauge(MeterRegistry meters, String name, String description, String task,
            Snapshot<Map<String, Queue>> queues, ToDoubleFunction<Queue> value) {
        Gauge.builder(name, queues, q -> value.applyAsDouble(q.get().getOrDefault(task, EMPTY)))
                .description(description).tag("task", task).strongReference(true).register(meters);
    }
}
